// Test helper (not shipped code paths): a small practice with a client, audit events and a TOTP-enrolled user.
import { generate } from 'otplib';
import { totpSealContext } from '../src/application/enrol-totp.js';
import { loadDemo } from '../src/application/load-demo.js';
import { createAesGcmSecretBox } from '../src/storage/aes-gcm-secret-box.js';
import type { DatabaseSettings } from '../src/storage/open-database.js';
import { openStore } from '../src/storage/open-store.js';
import { otplibTotp } from '../src/storage/otplib-totp.js';

export const TOTP_SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** Loads the demo practice and enrols the first user in TOTP; returns a client family name and the user id. */
export async function seedPractice(settings: DatabaseSettings): Promise<{ familyName: string; userId: string }> {
  const opened = await openStore(settings, 'apply');
  try {
    await loadDemo(opened.deps, { kind: 'cli', osUser: 'test' }, { clients: 0, weeks: 4, seed: 1 });
    const client = await opened.database.db.selectFrom('client').select('family_name').executeTakeFirstOrThrow();
    const user = await opened.database.db.selectFrom('app_user').select('id').orderBy('id').executeTakeFirstOrThrow();
    const box = createAesGcmSecretBox(opened.keys.secretsKey);
    await opened.database.db
      .updateTable('app_user')
      .set({ totp_secret: box.seal(TOTP_SEED, totpSealContext(user.id)) })
      .where('id', '=', user.id)
      .execute();
    return { familyName: client.family_name, userId: user.id };
  } finally {
    await opened.close();
  }
}

/** Opens the database as the server would and checks: audit chain, TOTP code of the user, client count, last event. */
export async function inspect(settings: DatabaseSettings, userId: string) {
  const opened = await openStore(settings, 'apply');
  try {
    const chain = await opened.store.verifyAudit();
    const user = await opened.database.db
      .selectFrom('app_user')
      .select('totp_secret')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const secret = createAesGcmSecretBox(opened.keys.secretsKey).open(user.totp_secret ?? '', totpSealContext(userId));
    const now = new Date();
    const code = await generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
    const step = await otplibTotp.check(secret, code, now, null);
    const clients = await opened.database.db.selectFrom('client').select('id').execute();
    const last = await opened.database.db
      .selectFrom('audit_event')
      .select(['action', 'actor'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    return { chainOk: chain.ok, events: chain.events, totpOk: step !== null, clients: clients.length, last };
  } finally {
    await opened.close();
  }
}
