import { type Actor, actorLabel } from './actor.js';
import { DEFAULT_PRACTICE_SETTINGS } from './default-practice-settings.js';
import type { Deps, Practice, PracticeSettings, Store } from './ports.js';

export interface EnsurePracticeInput {
  readonly name?: string;
  readonly timeZone?: string;
  readonly settings?: Partial<PracticeSettings>;
}

/**
 * Returns the practice, creating it (audited) when the installation has none yet. Must run in a transaction.
 *
 * @example
 * const practice = await ensurePractice(deps, tx, { kind: 'cli', osUser: 'ana' }, { timeZone: 'America/New_York' });
 */
export async function ensurePractice(
  deps: Pick<Deps, 'clock' | 'ids'>,
  tx: Store,
  actor: Actor,
  input: EnsurePracticeInput = {},
): Promise<Practice> {
  const existing = await tx.findPractice();
  if (existing) return existing;
  const now = deps.clock.now().toISOString();
  const practice: Practice = {
    id: deps.ids.newId(),
    name: input.name ?? 'My practice',
    timeZone: input.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
    settings: { ...DEFAULT_PRACTICE_SETTINGS, ...input.settings },
    createdAt: now,
  };
  await tx.insertPractice(practice);
  await tx.appendAudit(
    [
      {
        actor: actorLabel(actor),
        action: 'practice.create',
        resource: `practice:${practice.id}`,
        clientIds: [],
        outcome: 'success',
        origin: actor.kind === 'cli' ? 'cli' : null,
      },
    ],
    now,
  );
  return practice;
}
