import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, TEST_AUDIT_KEY, type TestDatabase } from '../../../test/dialects.js';
import type { AuthSession, Store } from '../../application/ports.js';
import { createStore } from '../create-store.js';

const NOW = '2026-11-26T12:00:00.000Z';

for (const dialect of DIALECTS) {
  describe(`auth repository on ${dialect}`, () => {
    let t: TestDatabase;
    let store: Store;
    let userId: string;
    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      store = createStore(t.db, t.dialect, TEST_AUDIT_KEY);
      await store.insertPractice({
        id: '10000000-0000-4000-8000-000000000001',
        name: 'P',
        timeZone: 'UTC',
        settings: {
          reviewIntervalDays: 90,
          mfaRequired: true,
          noMeasureAlertWeeks: 4,
          supervisorCosignRequired: false,
          clientSignatureRequired: false,
          noteFormat: 'dap',
          crisisText: 'x',
        },
        createdAt: NOW,
      });
      userId = '20000000-0000-4000-8000-000000000002';
      await store.insertUser(
        {
          id: userId,
          practiceId: '10000000-0000-4000-8000-000000000001',
          email: 'Ana@Example.org',
          name: 'Ana',
          credentials: '',
          roles: ['clinician', 'admin'],
          passwordHash: 'hash',
        },
        NOW,
      );
    });
    afterAll(() => t.dispose());

    it('finds a user by id with sorted roles, and their secrets', async () => {
      expect(await store.findUserById(userId)).toMatchObject({
        email: 'ana@example.org',
        roles: ['admin', 'clinician'],
      });
      expect(await store.findUserSecrets(userId)).toEqual({
        passwordHash: 'hash',
        totp: { secret: null, confirmedAt: null, lastStep: null },
      });
      await store.saveUserTotp(userId, { secret: 'sealed', confirmedAt: NOW, lastStep: 59_000_000 }, NOW);
      expect((await store.findUserSecrets(userId))?.totp).toEqual({
        secret: 'sealed',
        confirmedAt: NOW,
        lastStep: 59_000_000,
      });
      expect(await store.countUsersForSetup()).toBe(1);
      expect(await store.transaction((tx) => tx.countUsersForSetup())).toBe(1);
    });

    it('stores sessions by token hash, updates and deletes them, and ends all of a user’s sessions', async () => {
      const session: AuthSession = {
        id: '30000000-0000-4000-8000-000000000003',
        tokenHash: 'h1',
        userId,
        stage: 'totp-required',
        pendingTotpSecret: null,
        origin: '127.0.0.1',
        createdAt: NOW,
        lastSeenAt: NOW,
        expiresAt: '2026-11-27T00:00:00.000Z',
      };
      await store.insertSession(session);
      expect(await store.findSessionByTokenHash('h1')).toEqual(session);
      await store.updateSession({ ...session, tokenHash: 'h2', stage: 'complete' });
      expect(await store.findSessionByTokenHash('h1')).toBeNull();
      expect((await store.findSessionByTokenHash('h2'))?.stage).toBe('complete');
      await store.insertSession({ ...session, id: '30000000-0000-4000-8000-000000000004', tokenHash: 'h3' });
      await store.deleteSession(session.id);
      expect(await store.findSessionByTokenHash('h2')).toBeNull();
      await store.deleteUserSessions(userId);
      expect(await store.findSessionByTokenHash('h3')).toBeNull();
    });

    it('deletes sessions past their lifetime or idle too long, and keeps the others', async () => {
      const base: AuthSession = {
        id: '30000000-0000-4000-8000-000000000010',
        tokenHash: 'live',
        userId,
        stage: 'complete',
        pendingTotpSecret: null,
        origin: null,
        createdAt: NOW,
        lastSeenAt: NOW,
        expiresAt: '2026-11-27T00:00:00.000Z',
      };
      await store.insertSession(base);
      await store.insertSession({
        ...base,
        id: '30000000-0000-4000-8000-000000000011',
        tokenHash: 'idle',
        lastSeenAt: '2026-11-26T11:00:00.000Z',
      });
      await store.insertSession({
        ...base,
        id: '30000000-0000-4000-8000-000000000012',
        tokenHash: 'old',
        expiresAt: NOW,
      });
      expect(await store.deleteStaleSessions(NOW, '2026-11-26T11:45:00.000Z')).toBe(2);
      expect(await store.findSessionByTokenHash('live')).not.toBeNull();
      expect(await store.findSessionByTokenHash('idle')).toBeNull();
      await store.deleteSession(base.id);
    });

    it('uses a recovery code once, and replaces the set', async () => {
      await store.replaceRecoveryCodes(userId, ['a', 'b'], NOW);
      expect(await store.consumeRecoveryCode(userId, 'a', NOW)).toBe(true);
      expect(await store.consumeRecoveryCode(userId, 'a', NOW)).toBe(false);
      expect(await store.consumeRecoveryCode(userId, 'zzz', NOW)).toBe(false);
      expect(await store.countUnusedRecoveryCodes(userId)).toBe(1);
      await store.replaceRecoveryCodes(userId, ['c', 'd', 'e'], NOW);
      expect(await store.countUnusedRecoveryCodes(userId)).toBe(3);
      expect(await store.consumeRecoveryCode(userId, 'b', NOW)).toBe(false);
    });

    it('upserts and deletes failed-attempt counters', async () => {
      await store.saveThrottle({ key: 'login:x', failures: 1, lastFailureAt: NOW, lockedUntil: null });
      await store.saveThrottle({
        key: 'login:x',
        failures: 5,
        lastFailureAt: NOW,
        lockedUntil: '2026-11-26T12:15:00.000Z',
      });
      expect(await store.findThrottle('login:x')).toEqual({
        key: 'login:x',
        failures: 5,
        lastFailureAt: NOW,
        lockedUntil: '2026-11-26T12:15:00.000Z',
      });
      await store.deleteThrottle('login:x');
      expect(await store.findThrottle('login:x')).toBeNull();
    });
  });
}
