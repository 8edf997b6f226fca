import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Calls `write` until it succeeds, waiting each of `delaysMs` in turn between tries; throws the
 * last try's error when every one fails. For writes a moment of database trouble must not lose.
 */
export async function retrying<T>(
  write: () => Promise<T>,
  delaysMs: readonly number[],
  onFailedTry: (error: unknown) => void = () => {},
): Promise<T> {
  for (const delay of delaysMs) {
    try {
      return await write();
    } catch (error) {
      onFailedTry(error);
      await sleep(delay);
    }
  }
  return write();
}
