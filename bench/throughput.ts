/**
 * Single-thread throughput, side by side on the same text: `analyze()`, wink-nlp's `readDoc`,
 * the regex floor and, for English, alex.
 */
import type { BenchText } from './corpus.js';
import { available, bestInTurns, type Outcome, type Timing } from './measure.js';
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
/** Time the timed runs of one row may take, in ms: past it, fewer rounds (see `bestInTurns`). */
const ROW_BUDGET_MS = 12_000;

/**
 * One row to time: `run` over `text`; `count` reads what one more, untimed run returns (no
 * result is kept while the others are timed: the heap they run in stays the same). `missing`:
 * the tool could not be loaded.
 */
interface Entry {
  id: string;
  label: string;
  text: string;
  run: (text: string) => unknown;
  count?: (last: unknown) => Partial<Throughput>;
  missing?: Outcome<never>;
}

/** An entry whose `count` reads what its `run` returns. */
function entry<R>(id: string, label: string, text: string, run: (text: string) => R, count?: (last: R) => Partial<Throughput>): Entry {
  return count ? { id, label, text, run, count: count as (last: unknown) => Partial<Throughput> } : { id, label, text, run };
}

/** The row of a tool that could not be loaded. */
const missingEntry = (id: string, label: string, text: string, missing: Outcome<never>): Entry => ({ id, label, text, run: () => undefined, missing });

/** Time `entries` in turns (see `bestInTurns`): rows that are compared are timed side by side. */
function timeInTurns(lang: 'fr' | 'en', entries: readonly Entry[], runs: number): ThroughputRow[] {
  const timed = entries.filter((entry) => !entry.missing);
  const timings = bestInTurns(
    runs,
    timed.map((entry) => {
      const warm = sliceAt(entry.text, WARM_UP_CHARS);
      return { run: () => void entry.run(entry.text), warmUp: () => void entry.run(warm) };
    }),
    ROW_BUDGET_MS,
  );
  return entries.map((entry) => {
    const row = { id: `${lang}.${entry.id}`, lang, label: entry.label };
    if (entry.missing) return { ...row, result: entry.missing };
    const timing = timings[timed.indexOf(entry)]!;
    if (!timing.ok) return { ...row, result: timing };
    const bytes = Buffer.byteLength(entry.text, 'utf8');
    const seconds = timing.value.bestMs / 1000;
    const result: Throughput = { bytes, chars: entry.text.length, timing: timing.value, mbPerS: bytes / 1e6 / seconds };
    if (entry.count) Object.assign(result, entry.count(entry.run(entry.text)));
    if (result.tokens !== undefined) result.tokensPerS = result.tokens / seconds;
    return { ...row, result: available(result) };
  });
}

export interface Tools {
  novlangue: Outcome<Novlangue>;
  wink: Outcome<Wink>;
  alex: Outcome<Alex>;
}

/** Characters of English text alex reads: it runs at a few hundred KB/s, and its figure is a rate. */
export const ALEX_CHARS = 256_000;

/**
 * Every throughput row for `source`: `analyze()`, wink-nlp's `readDoc` and the regex floor on
 * the whole text, in turns; for English, alex and `analyze()` on alex's sample, in turns.
 * `analysis.tokens` is a lazy getter that places every token, which batch runs never pay: it
 * is read only by the untimed counting run.
 */
export function throughput(source: BenchText, tools: Tools, runs: number, progress: (what: string) => void): ThroughputRow[] {
  const { lang, text } = source;
  const analyzeEntry = (id: string, label: string, sample: string): Entry => {
    if (!tools.novlangue.ok) return missingEntry(id, label, sample, tools.novlangue);
    const { analyze } = tools.novlangue.value;
    return entry(id, label, sample, (t) => analyze(t, { lang }), (analysis) => ({
      tokens: analysis.tokens.length,
      words: analysis.words,
      sentences: analysis.sentences.length,
      findings: analysis.findings.length,
    }));
  };
  const winkEntry = (id: string, pipe: 'stack' | 'full', label: string): Entry => {
    if (!tools.wink.ok) return missingEntry(id, label, text, tools.wink);
    const nlp = tools.wink.value[pipe];
    return entry(id, label, text, (t) => nlp.readDoc(t), (doc) => ({ tokens: doc.tokens().length() }));
  };

  progress(`${lang}: analyze(), wink-nlp readDoc and the regex tokenizer, in turns`);
  const rows = timeInTurns(lang, [
    analyzeEntry('analyze', 'analyze()', text),
    winkEntry('winkReadDoc', 'stack', 'wink-nlp readDoc (sbd, pos: the pipe analyze() runs)'),
    winkEntry('winkReadDocFull', 'full', 'wink-nlp readDoc (default full pipe)'),
    entry('regex', 'regex tokenizer with offsets (floor)', text, regexTokens, (tokens) => ({ tokens })),
  ], runs);

  if (lang === 'en') {
    const sample = sliceAt(text, ALEX_CHARS);
    const kb = Math.round(Buffer.byteLength(sample, 'utf8') / 1000);
    const label = `alex text() (first ${kb} KB)`;
    const alex = tools.alex.ok ? entry('alex', label, sample, tools.alex.value.text) : missingEntry('alex', label, sample, tools.alex);
    progress('en: alex and analyze() on its sample, in turns');
    rows.push(...timeInTurns(lang, [alex, analyzeEntry('analyzeAlexSample', `analyze() (same ${kb} KB as alex)`, sample)], runs));
  }
  return rows;
}
