/**
 * The single catalog of refused-operation codes (thrown as AppError). The HTTP error handler maps each to a status;
 * the CLI maps each to an exit status. docs/errors.md lists every code; a test keeps the two in sync.
 */
export const ErrorCode = {
  /** The request or command input is invalid (shape, range, type). */
  invalidInput: 'invalid-input',
  /** The caller is not signed in. */
  unauthenticated: 'unauthenticated',
  /** The caller is signed in but may not do this. */
  forbidden: 'forbidden',
  /** The thing does not exist, or is outside the caller's reach. */
  notFound: 'not-found',
  /** A unique value (such as an e-mail address) is already taken. */
  duplicate: 'duplicate',
  /** The edit was based on a stale revision. */
  staleRevision: 'stale-revision',
  /** The operation conflicts with the current state. */
  conflict: 'conflict',
  /** The database cannot be reached. */
  databaseUnavailable: 'database-unavailable',
  /** The database schema is newer than this program. */
  schemaTooNew: 'schema-too-new',
  /** The database has migrations that have not been applied. */
  pendingMigrations: 'pending-migrations',
  /** A configuration setting is missing or invalid. */
  invalidConfig: 'invalid-config',
  /** The data directory cannot be created or written. */
  dataDirUnwritable: 'data-dir-unwritable',
  /** An unknown instrument id was given. */
  unknownInstrument: 'unknown-instrument',
  /** The answers to an instrument cannot be scored. */
  unscorableResponse: 'unscorable-response',
  /** Signed in with a password, but the second factor (TOTP or recovery code) is still needed. */
  secondFactorRequired: 'second-factor-required',
  /** Too many failed attempts or requests; try again after the Retry-After delay. */
  tooManyAttempts: 'too-many-attempts',
  /** A backup file cannot be read: wrong key or damaged file (or not a Cairn backup at all). */
  backupUnreadable: 'backup-unreadable',
  /** A backup was taken from a schema newer than this program (it lists migrations this build does not know). */
  backupFromNewerSchema: 'backup-from-newer-schema',
  /** A restore target already holds data; restore only into an empty data directory or database. */
  restoreTargetNotEmpty: 'restore-target-not-empty',
  /** Break-glass access was asked for a client the caller already reaches (assigned, supervised or an active grant). */
  alreadyInReach: 'already-in-reach',
  /** A set-password link is unknown, used, expired or replaced by a newer one; ask an administrator for a new one. */
  invalidLink: 'invalid-link',
  /** A draft plan cannot be signed yet: a payer element is missing or a plan check fails (the findings are listed). */
  planIncomplete: 'plan-incomplete',
  /** A client link or its e-mail needs the client's recorded consent to be contacted this way (with its date). */
  consentRequired: 'consent-required',
  /** A client link is unknown, expired, already used or revoked (the client page shows a friendly message only). */
  linkUnavailable: 'link-unavailable',
  /** A link cannot be e-mailed: SMTP is not configured, the client has no e-mail address, or sending failed. */
  emailUnavailable: 'email-unavailable',
  /** A progress note cannot be signed yet: a required part is missing (the findings are listed, e.g. the risk section). */
  noteIncomplete: 'note-incomplete',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
