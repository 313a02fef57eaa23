/**
 * Staff accounts, practice settings and the audit trail (src/contract/users.ts, settings.ts, audit.ts), with React
 * Query hooks. Admins manage users and settings; admins and auditors read users and the audit trail.
 *
 * @example
 * const users = useUsers(); const settings = usePracticeSettings(); const audit = useAuditTrail(filter);
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEventView, AuditVerifyView } from '../../contract/audit.js';
import type { PracticeView, UpdateSettingsRequest } from '../../contract/settings.js';
import type {
  CreatedUserView,
  CreateUserRequest,
  PasswordLinkView,
  RoleView,
  UpdateUserRequest,
  UserView,
} from '../../contract/users.js';
import { apiRequest, withQuery } from './api-client.js';

export type StaffUser = z.output<typeof UserView>;
export type Role = z.output<typeof RoleView>;
export type CreatedUser = z.output<typeof CreatedUserView>;
export type PasswordLink = z.output<typeof PasswordLinkView>;
export type Practice = z.output<typeof PracticeView>;
export type AuditEvent = z.output<typeof AuditEventView>;
export type AuditVerification = z.output<typeof AuditVerifyView>;

/**
 * `GET /users` (every page) and `GET /roles`.
 *
 * @example
 * const users = useUsers(); users.data?.map((u) => u.email)
 */
export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: async () => {
      const all: StaffUser[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: StaffUser[]; nextCursor: string | null } = await apiRequest(
          'GET',
          withQuery('/users', { limit: 200, cursor }),
        );
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
  });
}

/**
 * `GET /roles`: the roles a user may hold, with what each allows.
 *
 * @example
 * useRoles().data?.map((r) => r.name) // ['admin', 'clinician', 'supervisor', 'auditor']
 */
export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => apiRequest<{ items: Role[] }>('GET', '/roles'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * `POST /users`: the answer carries the new user's one-time set-password link.
 *
 * @example
 * create.mutate({ email, name, roles: ['clinician'] }); // create.data?.setPasswordUrl
 */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateUserRequest>) => apiRequest<CreatedUser>('POST', '/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

/**
 * `POST /users/{id}/reset-password`: clears the password, ends the sessions, revokes the API tokens; a new link.
 *
 * @example
 * reset.mutate(user.id); // reset.data?.setPasswordUrl
 */
export function useResetPassword() {
  return useMutation({
    mutationFn: (id: string) => apiRequest<PasswordLink>('POST', `/users/${encodeURIComponent(id)}/reset-password`),
  });
}

/**
 * `PATCH /users/{id}`: name, credentials, roles, active (deactivating ends the user's sessions).
 *
 * @example
 * update.mutate({ id, body: { active: false } });
 */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof UpdateUserRequest> }) =>
      apiRequest<StaffUser>('PATCH', `/users/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

/**
 * `GET /settings`: the practice and its settings.
 *
 * @example
 * usePracticeSettings().data?.settings.mfaRequired
 */
export function usePracticeSettings() {
  return useQuery({ queryKey: ['settings'], queryFn: () => apiRequest<Practice>('GET', '/settings') });
}

/**
 * `PATCH /settings`.
 *
 * @example
 * update.mutate({ settings: { reviewIntervalDays: 60 } });
 */
export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof UpdateSettingsRequest>) => apiRequest<Practice>('PATCH', '/settings', body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['settings'] }),
        queryClient.invalidateQueries({ queryKey: ['me'] }),
      ]),
  });
}

/**
 * `GET /audit`, newest first, a page at a time, optionally for one client.
 *
 * @example
 * const audit = useAuditTrail(clientId || undefined);
 */
export function useAuditTrail(clientId?: string) {
  return useInfiniteQuery({
    queryKey: ['audit', clientId ?? null],
    queryFn: ({ pageParam }) =>
      apiRequest<{ items: AuditEvent[]; nextCursor: string | null }>(
        'GET',
        withQuery('/audit', { limit: 100, cursor: pageParam, clientId }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * `GET /audit/verify`: checks the hash chain.
 *
 * @example
 * const verify = useVerifyAudit(); verify.mutate(); verify.data?.ok
 */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => apiRequest<AuditVerification>('GET', '/audit/verify') });
}
