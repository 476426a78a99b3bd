/**
 * Hostile inputs (issue 7 §1): no input may make `analyze()` superlinear. Each input is
 * analysed at 1/256, 1/64, 1/16, 1/4 and all of its full size, and compared with 1 MB of prose
 * in the same run. A ladder, in a worker thread: a quadratic case shows itself on the small
 * sizes, and the next size is not tried when it would take minutes; a worker that still
 * overruns its time is terminated, so the bench always finishes.
 */
import { Worker } from 'node:worker_threads';
import { sliceAt } from './throughput.js';

/**
 * One hostile input: how to build it at a fraction of its full size. `variant` changes the long
 * tokens from one timed run to the next: wink-nlp (and novlangue's stem cache) remember every
 * word they have seen, so the same 1 MB word analysed twice costs nothing the second time,
 * and a best-of-N would hide what a document with such a word costs.
 */
interface Shape {
  id: string;
  label: string;
  make: (scale: number, variant: number) => string;
}

const MB = 1_000_000;
const repeat = (unit: string, scale: number, full: number): string => unit.repeat(Math.max(1, Math.round((full * scale) / unit.length)));
const pick = (units: readonly string[], variant: number): string => units[variant % units.length]!;

/** The inputs of issue 7 §1, built for `lang`; `prose` is that language's bench text. */
export function shapes(lang: 'fr' | 'en', prose: string): Shape[] {
  const term = lang === 'fr' ? 'ville intelligente ' : 'smart city ';
  const open = lang === 'fr' ? '« ' : '“ ';
  return [
    { id: 'prose', label: '1 MB of prose (the baseline)', make: (scale) => sliceAt(prose, Math.round(MB * scale)) },
    {
      id: 'nestedGuillemets',
      label: '1 MB of nested «««…»»»',
      make: (scale) => {
        const half = Math.max(1, Math.round((MB * scale) / 2));
        return '«'.repeat(half) + '»'.repeat(half);
      },
    },
    { id: 'unbalancedQuotes', label: `1 MB of unbalanced quotes "${open}${term.trim()}"`, make: (scale) => repeat(open + term, scale, MB) },
    { id: 'termRepeated', label: `1 MB of one term repeated "${term.trim()}"`, make: (scale) => repeat(term, scale, MB) },
    { id: 'longWord', label: 'one 1 MB word (aaa…)', make: (scale, variant) => repeat(pick(['a', 'e', 'i', 'o', 'u'], variant), scale, MB) },
    { id: 'consonantWord', label: 'one 1 MB word of consonants (xxx…)', make: (scale, variant) => repeat(pick(['x', 'z', 'k', 'b', 'q'], variant), scale, MB) },
    { id: 'apostrophes', label: "300,000 apostrophes (l'l'l'…, 600 KB)", make: (scale, variant) => repeat(pick(["l'", "d'", "j'", "m'", "n'"], variant), scale, 600_000) },
    { id: 'hyphens', label: '300,000 hyphens (co-co-co-…, 900 KB)', make: (scale, variant) => repeat(pick(['co-', 're-', 'bi-', 'ex-', 'in-'], variant), scale, 900_000) },
  ];
}

export const SCALES = [1 / 256, 1 / 64, 1 / 16, 1 / 4, 1];

/** One size of the ladder: measured, or left out because it would take too long. */
export interface Step {
  chars: number;
  bestMs?: number;
  /** When the step was not run: what it was predicted to take, once. */
  predictedMs?: number;
}

export interface HostileResult {
  id: string;
  label: string;
  lang: 'fr' | 'en';
  steps: Step[];
  /** Time of the full size, when it ran. */
  fullMs?: number;
  /** Time of the last two measured sizes (4x apart): ~4 when linear, ~16 when quadratic. */
  growth?: number;
  /** Full-size time over the prose's full-size time; extrapolated when the full size did not run. */
  ratio?: number;
  extrapolated: boolean;
  error?: string;
}

// Plain JavaScript: the worker imports the built library by URL, without the TypeScript loader.
// Plain JavaScript: the worker imports the built library by URL, without the TypeScript loader.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { libUrl, lang, warm, steps, skipMs, stepMs } = workerData;
  const { analyze } = await import(libUrl);
  const run = (text) => analyze(text, { lang }).findings.length;
  run(warm);
  let previous, last;
  for (const texts of steps) {
    const chars = texts[0].length;
    if (last !== undefined) {
      const growth = previous !== undefined && previous >= 1 ? Math.max(4, last / previous) : 4;
      const predictedMs = last * growth;
      if (predictedMs > skipMs) {
        parentPort.postMessage({ chars, predictedMs });
        break;
      }
    }
    let best = Infinity;
    let spent = 0;
    for (const text of texts) {
      if (spent > 0 && spent + best > stepMs) break;
      const start = performance.now();
      run(text);
      const took = performance.now() - start;
      best = Math.min(best, took);
      spent += took;
    }
    parentPort.postMessage({ chars, bestMs: best });
    previous = last;
    last = best;
  }
  parentPort.postMessage('done');
})().catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

/** Time limits of one input's ladder, in ms. */
export interface LadderLimits {
  /** Timed runs per size, at most. */
  runs: number;
  /** A size predicted to take longer than this for one run is not tried. */
  skipMs: number;
  /** Time the runs of one size may take together (at least one run is made). */
  stepMs: number;
  /** The worker is terminated past this, whatever it is doing. */
  hardMs: number;
}

interface Ladder {
  steps: Step[];
  error?: string;
}

function ladder(libUrl: string, lang: 'fr' | 'en', warm: string, shape: Shape, limits: LadderLimits): Promise<Ladder> {
  // One text per timed run and size; a run sees each long word for the first time.
  const texts = SCALES.map((scale) => Array.from({ length: limits.runs }, (_, variant) => shape.make(scale, variant)));
  // The prose is the baseline of every ratio: it always runs to its full size.
  const skipMs = shape.id === 'prose' ? Infinity : limits.skipMs;
  return new Promise((resolve) => {
    const steps: Step[] = [];
    const worker = new Worker(WORKER, { eval: true, workerData: { libUrl, lang, warm, steps: texts, skipMs, stepMs: limits.stepMs } });
    let settled = false;
    const settle = (error?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(error === undefined ? { steps } : { steps, error });
    };
    const timer = setTimeout(() => settle(`terminated after ${(limits.hardMs / 1000).toFixed(0)} s`), limits.hardMs);
    worker.on('message', (message: 'done' | Step | { error: string }) => {
      if (message === 'done') settle();
      else if ('error' in message) settle(message.error.split('\n')[0]);
      else steps.push(message);
    });
    worker.on('error', (error) => settle(error.message));
    worker.on('exit', () => settle());
  });
}

function summarize(lang: 'fr' | 'en', shape: Shape, result: Ladder, proseMs: number | undefined): HostileResult {
  const measured = result.steps.filter((step): step is Step & { bestMs: number } => step.bestMs !== undefined);
  const full = measured.length === SCALES.length ? measured[measured.length - 1]!.bestMs : undefined;
  const last = measured[measured.length - 1];
  const previous = measured[measured.length - 2];
  const out: HostileResult = { id: shape.id, label: shape.label, lang, steps: result.steps, extrapolated: false };
  if (result.error !== undefined) out.error = result.error;
  if (last && previous && previous.bestMs > 0) out.growth = last.bestMs / previous.bestMs;
  if (full !== undefined) {
    out.fullMs = full;
    if (proseMs !== undefined) out.ratio = full / proseMs;
  } else if (last && proseMs !== undefined) {
    // Not run at full size: extrapolate with the growth seen, at least linear.
    const growth = Math.max(4, out.growth ?? 4);
    const remaining = SCALES.length - measured.length;
    out.ratio = (last.bestMs * growth ** remaining) / proseMs;
    out.extrapolated = true;
  }
  return out;
}

/** Every hostile input in `lang`, with its ratio to 1 MB of prose measured in the same run. */
export async function hostile(libUrl: string, lang: 'fr' | 'en', prose: string, limits: LadderLimits, progress: (what: string) => void): Promise<HostileResult[]> {
  const warm = sliceAt(prose, 200_000);
  const results: HostileResult[] = [];
  let proseMs: number | undefined;
  for (const shape of shapes(lang, prose)) {
    progress(`${lang} hostile: ${shape.label}`);
    const result = summarize(lang, shape, await ladder(libUrl, lang, warm, shape, limits), proseMs);
    if (shape.id === 'prose') {
      proseMs = result.fullMs;
      if (proseMs !== undefined) result.ratio = 1;
    }
    results.push(result);
  }
  return results;
}
