/**
 * `novlangue compare <A> <B>` or `novlangue compare <paths...> --by FIELD --groups X[,Y]`:
 * keyness of rules, surface forms and categories between two sub-corpora.
 */
import { compareSides, sidesByField, type CorpusSide } from '../keyness/compare.js';
import type { Voice } from '../keyness/counts.js';
import { formatComparison, type TableFormat } from '../keyness/format.js';
import type { CorpusFailure } from '../records.js';
import { terminalText } from '../report/escape.js';
import { EXIT, UsageError } from './errors.js';
import { customFromFlags } from './lexicon.js';
import { corpusRunOptions } from './corpus-options.js';
import { noteFailures, readCorpus, writeReport, type CorpusReadFlags } from './terms.js';

export interface CompareFlags extends CorpusReadFlags {
  format: TableFormat;
  by?: string;
  groups?: string;
  voice: Voice;
  minCount: number;
  minWords: number;
  candidates?: boolean;
  ngram: number;
  top?: number;
}

/** `--groups X,Y` (or `X` alone: X against every other document). */
function groupValues(groups: string | undefined, by: string): [string, string | undefined] {
  const values = (groups ?? '').split(',').map((value) => value.trim());
  if (groups === undefined || values.length > 2 || values.some((value) => value === '')) {
    throw new UsageError(`--by ${by} needs --groups X,Y: the two values of ${by} to compare (or --groups X: X against all the other documents).`);
  }
  if (values[0] === values[1]) throw new UsageError(`--groups names ${JSON.stringify(values[0])} twice: give two different values of ${by}.`);
  return [values[0]!, values[1]];
}

/** Run `compare`; resolves to the exit status. */
export async function runCompare(paths: readonly string[], flags: CompareFlags): Promise<number> {
  if (flags.by === undefined && flags.groups !== undefined) throw new UsageError('--groups applies with --by FIELD: the field whose values the groups are.');
  if (flags.by === undefined && paths.length !== 2) {
    throw new UsageError(`compare needs two inputs, A and B (\`novlangue compare lyon/ grenoble/\`), or inputs and --by FIELD --groups X,Y; received ${paths.length}.`);
  }
  if (flags.ngram < 1) throw new UsageError('--ngram must be from 1 to 5 words.');
  if (paths.length === 0) throw new UsageError('no input: give files, folders or globs, e.g. `novlangue compare corpus/ --by reading --groups promotional,critical`.');
  const custom = await customFromFlags(flags);
  const options = corpusRunOptions(flags, custom);
  let sides: [CorpusSide, CorpusSide];
  const failures: CorpusFailure[] = [];
  if (flags.by === undefined) {
    // One after the other: with --jobs, two pools at once would share the same cores.
    const a = await readCorpus([paths[0]!], options);
    const b = await readCorpus([paths[1]!], options);
    failures.push(...a.failures, ...b.failures);
    sides = [
      { label: paths[0]!, documents: a.documents },
      { label: paths[1]!, documents: b.documents },
    ];
  } else {
    const [x, y] = groupValues(flags.groups, flags.by);
    const read = await readCorpus(paths, options);
    failures.push(...read.failures);
    try {
      sides = sidesByField(read.documents, flags.by, x, y);
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message, { cause: error });
      throw error;
    }
  }
  for (const [name, side] of [['A', sides[0]], ['B', sides[1]]] as const) {
    if (side.documents.length === 0) throw new UsageError(`side ${name} (${side.label}) has no document that could be analysed: nothing to compare.`);
  }
  const comparison = compareSides(sides[0], sides[1], {
    voice: flags.voice,
    minCount: flags.minCount,
    minWords: flags.minWords,
    ...(flags.candidates ? { candidates: { maxWords: flags.ngram, ...(flags.top !== undefined ? { top: flags.top } : {}) } } : {}),
  });
  if (failures.length > 0) {
    comparison.warnings.push(`${failures.length} file${failures.length === 1 ? '' : 's'} could not be analysed and ${failures.length === 1 ? 'is' : 'are'} left out: ${failures.map((failure) => `${failure.file} (${failure.error.code})`).join(', ')}.`);
  }
  await writeReport(formatComparison(comparison, flags.format, flags.top === undefined ? {} : { top: flags.top }), flags.output);
  noteFailures(failures, flags.quiet);
  // CSV has no place for them: the warnings go to stderr.
  if (!flags.quiet && flags.format === 'csv') for (const warning of comparison.warnings) process.stderr.write(`novlangue: warning: ${terminalText(warning)}\n`);
  return EXIT.ok;
}
