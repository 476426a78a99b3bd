/**
 * Which file a worker thread was analysing when it died. Workers mark each file of their task
 * in an array shared with the main thread as they start and finish analysing it; when a worker
 * dies (a crash, out of memory), the main thread blames the one file it was in, and sends the
 * other files of its tasks again, so that no other file pays for it.
 */
export const WAITING = 0;
export const ANALYSING = 1;
export const DONE = 2;

/** One state per listed item, shared between the threads (no copy crosses). */
export function fileStates(count: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(Math.max(1, count)));
}
