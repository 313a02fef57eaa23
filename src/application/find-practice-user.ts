import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import type { Store, User } from './ports.js';

/**
 * The staff account `userId` as the actor may see it: a user of another practice, or none, is `not-found` (404).
 *
 * @example
 * const user = await findPracticeUser(deps.store, admin, request.params.id);
 */
export async function findPracticeUser(store: Store, actor: Actor, userId: unknown): Promise<User> {
  const id = typeof userId === 'string' && userId.length > 0 && userId.length <= 100 ? userId : null;
  const user = id ? await store.findUserById(id) : null;
  if (!user || (actor.kind === 'user' && user.practiceId !== actor.practiceId)) {
    throw new AppError(ErrorCode.notFound, 'No such user.');
  }
  return user;
}
