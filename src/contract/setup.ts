import { z } from 'zod';

/**
 * `POST /api/v1/setup` — first-run creation of the administrator (roles admin and clinician) while there is no user;
 * 409 afterwards. Answers 201 with the user (see UserView).
 *
 * @example
 * const body: z.infer<typeof SetupRequest> = { email: 'ana@example.org', name: 'Ana Ruiz', password: 'correct horse battery' };
 */
export const SetupRequest = z.strictObject({
  email: z.string().max(320),
  name: z.string().max(200),
  password: z.string().max(1024).describe('At least 12 characters.'),
});
