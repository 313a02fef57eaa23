import type { Kysely, Transaction } from 'kysely';
import type { Store } from '../application/ports.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { SqlDialect } from './open-database.js';
import { findClientAccess } from './repositories/access-repository.js';
import { insertAlerts, listAlerts, recordAlertClosure } from './repositories/alert-repository.js';
import { appendAuditEvents, listAuditEvents, verifyAuditChain } from './repositories/audit-repository.js';
import {
  consumeRecoveryCode,
  countUnusedRecoveryCodes,
  countUsersForSetup,
  deleteSession,
  deleteStaleSessions,
  deleteThrottle,
  findSessionByTokenHash,
  findThrottle,
  findUserById,
  findUserSecrets,
  insertSession,
  replaceRecoveryCodes,
  saveThrottle,
  saveUserTotp,
  updateSession,
} from './repositories/auth-repository.js';
import {
  findBreakGlassGrant,
  insertBreakGlassGrant,
  listBreakGlassGrants,
  recordBreakGlassReview,
} from './repositories/break-glass-repository.js';
import {
  findClientById,
  listCaseload,
  listClientAssignments,
  listDiagnoses,
  removeClientAssignment,
} from './repositories/caseload-repository.js';
import {
  consumeClientLink,
  findClientLinkByTokenHash,
  insertClientConsent,
  insertClientLink,
  insertPlanEndorsement,
  listClientConsents,
  listClientLinkAnswers,
  listClientLinks,
  listPlanEndorsements,
  markClientLink,
  revokeClientLink,
  saveClientLinkAnswers,
  setGoalEndorsements,
} from './repositories/client-link-repository.js';
import {
  assignClient,
  findClientByRecordNumber,
  findFormulation,
  insertBehavior,
  insertClient,
  insertDiagnosis,
  listBehaviors,
} from './repositories/client-repository.js';
import {
  consumePasswordLink,
  findApiTokenByTokenHash,
  findPasswordLinkByTokenHash,
  insertApiToken,
  listApiTokens,
  reassignPrimaryAssignments,
  replacePasswordLink,
  revokeApiToken,
  revokeUserApiTokens,
  setUserPasswordHash,
  touchApiToken,
} from './repositories/credential-repository.js';
import { updateFormulation } from './repositories/formulation-repository.js';
import {
  insertAdministrations,
  insertBehaviorLogs,
  listAdministrations,
  listBehaviorLogs,
  listBehaviorLogsOf,
} from './repositories/measure-repository.js';
import { insertPsychotherapyNote, listPsychotherapyNotes } from './repositories/psychotherapy-note-repository.js';
import {
  findReviewById,
  insertReview,
  listReviewSchedule,
  listReviews,
  replaceDraftReview,
  setGoalStatus,
  signDraftReview,
} from './repositories/review-repository.js';
import {
  findProgressNote,
  findSessionRecord,
  insertNoteAddendum,
  insertProgressNote,
  insertSessionRecord,
  listProgressNotes,
  listSessionRecords,
  replaceDraftNote,
  replaceSessionRecord,
  signDraftNote,
} from './repositories/session-repository.js';
import {
  deleteUserSessions,
  listAuditNewestFirst,
  listSupervision,
  removeSupervision,
  setUserRoles,
  updatePractice,
  updateUser,
} from './repositories/staff-repository.js';
import {
  cosignPlan,
  deleteDraftPlan,
  findCurrentPlan,
  findPlanById,
  insertPlan,
  listPlanVersions,
  replaceDraftPlan,
  signDraftPlan,
  supersedePlan,
} from './repositories/treatment-plan-repository.js';
import {
  addSupervision,
  findPractice,
  findUserByEmail,
  insertPractice,
  insertUser,
  listUsers,
} from './repositories/user-repository.js';
import type { Database } from './tables/database.js';

/**
 * Translates driver errors into catalog codes: a unique violation (SQLite SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY,
 * PostgreSQL 23505) becomes `duplicate`; a lost connection becomes `database-unavailable`.
 *
 * @example
 * await translateDriverErrors(() => db.insertInto('app_user').values(row).execute());
 */
export async function translateDriverErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAppError(error);
  }
}

/**
 * node-postgres reports a connection that dropped under a query, or a pool that cannot connect in time, without a
 * code: recognised by its fixed messages.
 */
function isLostConnection(error: unknown): boolean {
  const message = (error as { message?: unknown }).message;
  return (
    typeof message === 'string' &&
    (message === 'Connection terminated unexpectedly' ||
      message === 'Connection terminated' ||
      message === 'Client has encountered a connection error and is not queryable' ||
      message === 'timeout exceeded when trying to connect')
  );
}

function toAppError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505') {
    return new AppError(ErrorCode.duplicate, 'That record already exists.', { cause: error });
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') {
    return new AppError(ErrorCode.invalidInput, 'The record refers to something that does not exist.', {
      cause: error,
    });
  }
  if (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'ETIMEDOUT' ||
    code === 'EHOSTUNREACH' ||
    code === 'EPIPE' ||
    code === '57P01' ||
    code === '57P02' ||
    code === '57P03' ||
    code === '08006' ||
    code === '08003' ||
    code === '08001' ||
    isLostConnection(error)
  ) {
    return new AppError(ErrorCode.databaseUnavailable, 'The database is unavailable.', { cause: error });
  }
  return error;
}

/**
 * The Store port on a Kysely database. `auditKey` is the key of the audit chain (derived from the secret key).
 *
 * @example
 * const store = createStore(db, 'sqlite', auditKey);
 * await store.transaction(async (tx) => { await tx.insertUser(user, now); await tx.appendAudit([event], now); });
 */
export function createStore(db: Kysely<Database>, dialect: SqlDialect, auditKey: Buffer, inTransaction = false): Store {
  const t =
    <A extends unknown[], R>(fn: (db: Kysely<Database>, ...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      translateDriverErrors(() => fn(db, ...args));
  const store: Store = {
    findPractice: t(findPractice),
    insertPractice: t(insertPractice),
    findUserByEmail: t(findUserByEmail),
    listUsers: t(listUsers),
    insertUser: t(insertUser),
    addSupervision: t(addSupervision),
    findClientByRecordNumber: t(findClientByRecordNumber),
    insertClient: t(insertClient),
    assignClient: t(assignClient),
    insertDiagnosis: t(insertDiagnosis),
    findFormulation: t(findFormulation),
    insertBehavior: t(insertBehavior),
    listBehaviors: t(listBehaviors),
    insertPlan: t(insertPlan),
    findCurrentPlan: t(findCurrentPlan),
    findPlanById: t(findPlanById),
    listPlanVersions: t(listPlanVersions),
    replaceDraftPlan: t(replaceDraftPlan),
    deleteDraftPlan: t(deleteDraftPlan),
    signDraftPlan: t(signDraftPlan),
    supersedePlan: t(supersedePlan),
    cosignPlan: t(cosignPlan),
    insertAdministrations: t(insertAdministrations),
    listAdministrations: t(listAdministrations),
    insertBehaviorLogs: t(insertBehaviorLogs),
    listBehaviorLogs: t(listBehaviorLogs),
    listBehaviorLogsOf: t(listBehaviorLogsOf),
    findClientAccess: t(findClientAccess),
    insertAlerts: t(insertAlerts),
    listAlerts: t(listAlerts),
    recordAlertClosure: t(recordAlertClosure),
    appendAudit: (events, at) =>
      inTransaction
        ? translateDriverErrors(() => appendAuditEvents(db, dialect, auditKey, events, at))
        : store.transaction((tx) => tx.appendAudit(events, at)),
    listAudit: t(listAuditEvents),
    verifyAudit: () => translateDriverErrors(() => verifyAuditChain(db, auditKey)),
    insertBreakGlassGrant: t(insertBreakGlassGrant),
    findBreakGlassGrant: t(findBreakGlassGrant),
    listBreakGlassGrants: t(listBreakGlassGrants),
    recordBreakGlassReview: t(recordBreakGlassReview),
    findUserById: t(findUserById),
    findUserSecrets: t(findUserSecrets),
    countUsersForSetup: () => translateDriverErrors(() => countUsersForSetup(db, dialect)),
    saveUserTotp: t(saveUserTotp),
    insertSession: t(insertSession),
    findSessionByTokenHash: t(findSessionByTokenHash),
    updateSession: t(updateSession),
    deleteSession: t(deleteSession),
    deleteStaleSessions: t(deleteStaleSessions),
    replaceRecoveryCodes: t(replaceRecoveryCodes),
    consumeRecoveryCode: t(consumeRecoveryCode),
    countUnusedRecoveryCodes: t(countUnusedRecoveryCodes),
    findThrottle: t(findThrottle),
    saveThrottle: t(saveThrottle),
    deleteThrottle: t(deleteThrottle),
    updateUser: t(updateUser),
    setUserRoles: t(setUserRoles),
    deleteUserSessions: t(deleteUserSessions),
    listSupervision: t(listSupervision),
    removeSupervision: t(removeSupervision),
    updatePractice: t(updatePractice),
    findClientById: t(findClientById),
    listClientAssignments: t(listClientAssignments),
    removeClientAssignment: t(removeClientAssignment),
    listDiagnoses: t(listDiagnoses),
    listCaseload: t(listCaseload),
    listAuditNewestFirst: t(listAuditNewestFirst),
    updateFormulation: t(updateFormulation),
    setUserPasswordHash: t(setUserPasswordHash),
    replacePasswordLink: t(replacePasswordLink),
    findPasswordLinkByTokenHash: t(findPasswordLinkByTokenHash),
    consumePasswordLink: t(consumePasswordLink),
    insertApiToken: t(insertApiToken),
    findApiTokenByTokenHash: t(findApiTokenByTokenHash),
    listApiTokens: t(listApiTokens),
    revokeApiToken: t(revokeApiToken),
    revokeUserApiTokens: t(revokeUserApiTokens),
    touchApiToken: t(touchApiToken),
    reassignPrimaryAssignments: t(reassignPrimaryAssignments),
    insertReview: t(insertReview),
    findReviewById: t(findReviewById),
    listReviews: t(listReviews),
    replaceDraftReview: t(replaceDraftReview),
    signDraftReview: t(signDraftReview),
    setGoalStatus: t(setGoalStatus),
    listReviewSchedule: t(listReviewSchedule),
    insertSessionRecord: t(insertSessionRecord),
    findSessionRecord: t(findSessionRecord),
    listSessionRecords: t(listSessionRecords),
    replaceSessionRecord: t(replaceSessionRecord),
    insertProgressNote: t(insertProgressNote),
    findProgressNote: t(findProgressNote),
    listProgressNotes: t(listProgressNotes),
    replaceDraftNote: t(replaceDraftNote),
    signDraftNote: t(signDraftNote),
    insertNoteAddendum: t(insertNoteAddendum),
    insertPsychotherapyNote: t(insertPsychotherapyNote),
    listPsychotherapyNotes: t(listPsychotherapyNotes),
    insertClientConsent: t(insertClientConsent),
    listClientConsents: t(listClientConsents),
    insertClientLink: t(insertClientLink),
    findClientLinkByTokenHash: t(findClientLinkByTokenHash),
    listClientLinks: t(listClientLinks),
    revokeClientLink: t(revokeClientLink),
    consumeClientLink: t(consumeClientLink),
    markClientLink: t(markClientLink),
    saveClientLinkAnswers: t(saveClientLinkAnswers),
    listClientLinkAnswers: t(listClientLinkAnswers),
    setGoalEndorsements: t(setGoalEndorsements),
    insertPlanEndorsement: t(insertPlanEndorsement),
    listPlanEndorsements: t(listPlanEndorsements),
    transaction: (work) =>
      inTransaction
        ? work(store)
        : translateDriverErrors(() =>
            db.transaction().execute((trx: Transaction<Database>) => work(createStore(trx, dialect, auditKey, true))),
          ),
  };
  return store;
}
