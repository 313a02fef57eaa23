import type { Actor } from '../application/actor.js';
import type { Deps } from '../application/ports.js';
import type { Config, ConfigOverrides } from '../config/load-config.js';

/** An open database, as commands see it: application ports only (no storage types). */
export interface OpenedDeps {
  readonly deps: Deps;
  /** Where the data is, for messages (file path or host:port/database; never a password). */
  readonly location: string;
  /** Migrations applied while opening. */
  readonly applied: readonly string[];
  readonly close: () => Promise<void>;
}

/**
 * What main.ts (the CLI's composition root) hands every command that needs more than its arguments.
 *
 * @example
 * const opened = await ctx.openDeps(ctx.loadConfig());
 * try { await addUser(opened.deps, ctx.actor, input); } finally { await opened.close(); }
 */
export interface CommandContext {
  readonly actor: Actor;
  readonly loadConfig: (overrides?: ConfigOverrides) => Config;
  /** Opens (creating and migrating when missing) the configured database. */
  readonly openDeps: (config: Config) => Promise<OpenedDeps>;
}
