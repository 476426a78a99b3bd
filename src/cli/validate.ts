/** `novlangue validate`: how well the score tells a labelled corpus apart; the report on stdout. */
import type { CorpusFailure } from '../records.js';
import { terminalText } from '../report/escape.js';
import type { ValidationFormat } from '../validate/format.js';
import type { ValidateOptions } from '../validate/types.js';
import { EXIT, UsageError } from './errors.js';
import { corpusRunOptions, type CorpusRunFlags } from './corpus-options.js';
import { customFromFlags } from './lexicon.js';
import { readWeightsFile } from './weights.js';

/** The options `validate` and `calibrate` share: the corpus run's and the labels'. */
export interface LabelledRunFlags extends CorpusRunFlags {
  labels?: string;
  positive: string;
  excludeLabel: string[];
  quiet?: boolean;
}

export interface ValidateFlags extends LabelledRunFlags {
  format: ValidationFormat;
  weights?: string;
  bootstrap: number;
  seed: number;
  ruleRows: number;
  worst: number;
}

/** The `validateCorpus` options of the flags shared by `validate` and `calibrate`. */
export async function labelledRunOptions(paths: readonly string[], flags: LabelledRunFlags, command: string): Promise<ValidateOptions> {
  if (paths.length === 0) throw new UsageError(`no input: give the labelled files, folders or globs, e.g. \`novlangue ${command} corpus/\`.`);
  const custom = await customFromFlags(flags);
  return {
    ...corpusRunOptions(flags, custom),
    ...(flags.labels !== undefined ? { labels: flags.labels } : {}),
    positive: flags.positive,
    excludeLabels: flags.excludeLabel,
  };
}

/** The note on stderr about files that could not be analysed: counted when a report lists them, listed when none does. */
export function failuresNote(failures: readonly CorpusFailure[], inReport: boolean): string {
  const codes = new Map<string, number>();
  for (const failure of failures) codes.set(failure.error.code, (codes.get(failure.error.code) ?? 0) + 1);
  const counts = [...codes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, count]) => `${code} ${count}`).join(', ');
  const head = `novlangue: ${failures.length} file${failures.length === 1 ? '' : 's'} could not be analysed (${counts}) and ${failures.length === 1 ? 'is' : 'are'} left out`;
  if (inReport) return `${head}; the report lists them.\n`;
  // The message starts with the file's name: each line is the code, then the message.
  return `${head}:\n${failures.map((failure) => `  ${failure.error.code}  ${terminalText(failure.error.message)}\n`).join('')}`;
}

/** Run `validate`; resolves to the exit status. */
export async function runValidate(paths: readonly string[], flags: ValidateFlags): Promise<number> {
  const options = await labelledRunOptions(paths, flags, 'validate');
  const weights = flags.weights === undefined ? undefined : await readWeightsFile(flags.weights);
  const [{ validateCorpus }, { formatValidation }] = await Promise.all([import('../validate/corpus.js'), import('../validate/format.js')]);
  const report = await validateCorpus(paths, { ...options, ...(weights ? { weights } : {}), bootstrap: flags.bootstrap, seed: flags.seed, ruleRows: flags.ruleRows, worst: flags.worst });
  process.stdout.write(formatValidation(report, flags.format));
  if (!flags.quiet && report.failures.length > 0) process.stderr.write(failuresNote(report.failures, true));
  return EXIT.ok;
}
