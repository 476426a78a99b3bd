/**
 * Single-thread throughput, side by side on the same text: `analyze()`, wink-nlp's `readDoc`,
 * the regex floor and, for English, alex.
 */
import type { BenchText } from './corpus.js';
import { available, bestOf, reasonOf, unavailable, type Outcome, type Timing } from './measure.js';
import { regexTokens, type Alex, type Novlangue, type Wink } from './peers.js';

/** What one tool did with one text. */
export interface Throughput {
  bytes: number;
  chars: number;
  timing: Timing;
  /** MB (10^6 bytes of UTF-8) per second, from the best run. */
  mbPerS: number;
  /** Tokens as the tool itself counts them, when it says. */
  tokens?: number;
  tokensPerS?: number;
  /** `analyze()` only: word tokens, sentences and findings. */
  words?: number;
  sentences?: number;
  findings?: number;
}

export interface ThroughputRow {
  /** Stable key in results.json, e.g. `fr.analyze`. */
  id: string;
  lang: 'fr' | 'en';
  label: string;
  result: Outcome<Throughput>;
}

/** The first `chars` characters of `text` or a little less, cut at whitespace. */
export function sliceAt(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const cut = text.lastIndexOf(' ', chars);
  return text.slice(0, cut > 0 ? cut : chars);
}

const WARM_UP_CHARS = 512_000;
/** Time the timed runs of one row may take, in ms: past it, fewer runs (see `bestOf`). */
const ROW_BUDGET_MS = 12_000;

/**
 * Time `run` over `text`; `count` then reads what the last timed run returned, so that
 * counting costs nothing in the timed runs and nothing is computed twice.
 */
function measure<R>(text: string, runs: number, run: (text: string) => R, count?: (last: R) => Partial<Throughput>): Outcome<Throughput> {
  try {
    const warm = sliceAt(text, WARM_UP_CHARS);
    let last: R | undefined;
    const timing = bestOf(runs, () => { last = run(text); }, () => { run(warm); }, ROW_BUDGET_MS);
    const bytes = Buffer.byteLength(text, 'utf8');
    const seconds = timing.bestMs / 1000;
    const result: Throughput = { bytes, chars: text.length, timing, mbPerS: bytes / 1e6 / seconds };
    if (count && last !== undefined) Object.assign(result, count(last));
    if (result.tokens !== undefined) result.tokensPerS = result.tokens / seconds;
    return available(result);
  } catch (error) {
    return unavailable(reasonOf(error));
  }
}

export interface Tools {
  novlangue: Outcome<Novlangue>;
  wink: Outcome<Wink>;
  alex: Outcome<Alex>;
}

/** Characters of English text alex reads: it runs at a few hundred KB/s, and its figure is a rate. */
export const ALEX_CHARS = 256_000;

/**
 * Every throughput row for `source`. `analyze()` results are read through `words` and
 * `findings` only: `analysis.tokens` is a lazy getter that places every token, which batch
 * runs never pay, so it is read once, from the last timed run, after the timing.
 */
export function throughput(source: BenchText, tools: Tools, runs: number, progress: (what: string) => void): ThroughputRow[] {
  const { lang, text } = source;
  const rows: ThroughputRow[] = [];
  const row = (id: string, label: string, result: () => Outcome<Throughput>): void => {
    progress(`${lang} ${label}`);
    rows.push({ id: `${lang}.${id}`, lang, label, result: result() });
  };
  const analyzeRow = (sample: string): Outcome<Throughput> => {
    if (!tools.novlangue.ok) return tools.novlangue;
    const { analyze } = tools.novlangue.value;
    return measure(sample, runs, (t) => analyze(t, { lang }), (analysis) => ({
      tokens: analysis.tokens.length,
      words: analysis.words,
      sentences: analysis.sentences.length,
      findings: analysis.findings.length,
    }));
  };

  row('analyze', 'analyze()', () => analyzeRow(text));
  for (const [id, pipe, label] of [['winkReadDoc', 'stack', 'sbd, pos: the pipe analyze() runs'], ['winkReadDocFull', 'full', 'default full pipe']] as const) {
    row(id, `wink-nlp readDoc (${label})`, () => {
      if (!tools.wink.ok) return tools.wink;
      const nlp = tools.wink.value[pipe];
      return measure(text, runs, (t) => nlp.readDoc(t), (doc) => ({ tokens: doc.tokens().length() }));
    });
  }
  row('regex', 'regex tokenizer with offsets (floor)', () => measure(text, runs, regexTokens, (tokens) => ({ tokens })));

  if (lang === 'en') {
    const sample = sliceAt(text, ALEX_CHARS);
    const kb = Math.round(Buffer.byteLength(sample, 'utf8') / 1000);
    row('alex', `alex text() (first ${kb} KB)`, () => {
      if (!tools.alex.ok) return tools.alex;
      const alex = tools.alex.value;
      return measure(sample, runs, (t) => alex.text(t));
    });
    row('analyzeAlexSample', `analyze() (same ${kb} KB as alex)`, () => analyzeRow(sample));
  }
  return rows;
}
