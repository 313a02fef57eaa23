/**
 * Who is acting. Every use case takes the actor first, checks access on its first line and records an audit event
 * (STYLE.md house rule 7). The CLI acts as the local operator and is audited as `cli:<os-user>`.
 *
 * @example
 * const actor: Actor = { kind: 'cli', osUser: 'therapist' };
 * actorLabel(actor) // 'cli:therapist'
 */
export const Role = { admin: 'admin', clinician: 'clinician', supervisor: 'supervisor', auditor: 'auditor' } as const;
export type Role = (typeof Role)[keyof typeof Role];

export type Actor =
  | { readonly kind: 'user'; readonly userId: string; readonly practiceId: string; readonly roles: readonly Role[] }
  | { readonly kind: 'cli'; readonly osUser: string };

/** The actor as written in the audit trail. */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'cli' ? `cli:${actor.osUser}` : `user:${actor.userId}`;
}

/** True when the text is a known role. */
export function isRole(text: string): text is Role {
  return (Object.values(Role) as string[]).includes(text);
}
