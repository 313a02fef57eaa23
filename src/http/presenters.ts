import type { z } from 'zod';
import type { User } from '../application/ports.js';
import type { UserView } from '../contract/users.js';

/**
 * Presenters: application objects → contract shapes (STYLE house rule 6: responses are built here, never from rows).
 *
 * @example
 * reply.send(presentUser(user));
 */
export function presentUser(user: User): z.infer<typeof UserView> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    credentials: user.credentials,
    roles: [...user.roles],
    active: user.active,
    createdAt: user.createdAt,
  };
}
