/** The code of a mailbox failure (sync.errors.<code>), without loading the sync code to test `instanceof`. */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'unexpected';
}
