import type { CorpusResult, ReportResult } from '../records.js';

/**
 * A record without its tokens and sentences: keep these when collecting a large run for a
 * summary or a report (they need neither), and memory stays a fraction of the full records'.
 */
export function leanResult(result: CorpusResult): ReportResult {
  if ('error' in result) return result;
  // Key by key rather than by destructuring: `tokens` is a getter that places every token on
  // first read (see `analyze`), work a lean record would throw away.
  const lean: Record<string, unknown> = {};
  for (const key of Object.keys(result)) if (key !== 'tokens' && key !== 'sentences') lean[key] = result[key as keyof typeof result];
  return lean as unknown as ReportResult;
}
