/**
 * The client id of a use case's input before it is validated, so access is checked first (DESIGN 3.3: 403/404
 * before 400). '' when there is none, which no client has (so: not found).
 *
 * @example
 * clientIdOf({ clientId: 'c1', answers: 'junk' }) // 'c1'
 * clientIdOf(null) // ''
 */
export function clientIdOf(input: unknown): string {
  const id = typeof input === 'object' && input !== null ? (input as { clientId?: unknown }).clientId : undefined;
  return typeof id === 'string' ? id : '';
}
