import type { CorpusResult, ReportResult } from './types.js';

/**
 * A record without its tokens and sentences: keep these when collecting a large run for a
 * summary or a report (they need neither), and memory stays a fraction of the full records'.
 */
export function leanResult(result: CorpusResult): ReportResult {
  if ('error' in result) return result;
  const { tokens: _tokens, sentences: _sentences, ...lean } = result;
  return lean;
}
