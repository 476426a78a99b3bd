/** `novlangue calibrate`: fit the score's category multipliers on a labelled corpus, write them as a weights file. */
import { writeFile } from 'node:fs/promises';
import pkg from '../../package.json' with { type: 'json' };
import { EXIT, UsageError } from './errors.js';
import { failuresNote, labelledRunOptions, type LabelledRunFlags } from './validate.js';

export interface CalibrateFlags extends LabelledRunFlags {
  output: string;
  folds: number;
  seed: number;
  penalty: number;
}

/** Run `calibrate`; resolves to the exit status. */
export async function runCalibrate(paths: readonly string[], flags: CalibrateFlags): Promise<number> {
  if (flags.folds < 2) throw new UsageError('--folds must be 2 or more: each fold is scored with weights fitted on the others.');
  const options = await labelledRunOptions(paths, flags, 'calibrate -o weights.json');
  const [{ collectLabelled, validationSettings }, { calibrate }, { calibrationSummary, weightsFileOf }, { loadWeights }, { ValidationError }] = await Promise.all([
    import('../validate/corpus.js'),
    import('../validate/calibrate.js'),
    import('../validate/calibration-output.js'),
    import('../weights/load.js'),
    import('../validate/errors.js'),
  ]);
  const settings = validationSettings(options);
  const selection = await collectLabelled(paths, options, settings);
  const calibrateSettings = { positive: settings.positive, folds: flags.folds, seed: flags.seed, penalty: flags.penalty };
  const calibration = calibrate(selection.documents, calibrateSettings);
  if (Object.keys(calibration.weights).length === 0) {
    throw new ValidationError(`no language has both ${JSON.stringify(settings.positive)} documents and documents of another label: there is nothing to fit.`);
  }
  const context = { settings: calibrateSettings, selection, tool: `novlangue ${pkg.version}` };
  const file = weightsFileOf(calibration, context);
  loadWeights(file, flags.output); // what is written can be read back
  try {
    await writeFile(flags.output, `${JSON.stringify(file, null, 2)}\n`);
  } catch (error) {
    throw new UsageError(`cannot write the weights file ${flags.output} (${(error as { code?: string }).code ?? String(error)}).`, { cause: error });
  }
  process.stdout.write(calibrationSummary(calibration, context, flags.output));
  if (!flags.quiet && selection.failures.length > 0) process.stderr.write(failuresNote(selection.failures, false));
  return EXIT.ok;
}
