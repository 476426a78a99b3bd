/** `--weights FILE`: a weights file written by `novlangue calibrate` (or by hand), read and checked. */
import { readFile } from 'node:fs/promises';
import type { ScoreWeights } from '../score/score.js';
import { UsageError } from './errors.js';

/**
 * The multipliers of a weights file.
 * @throws {UsageError} when the file cannot be read or is not JSON (names the file)
 * @throws {WeightsError} when it does not validate (names the file and the key)
 */
export async function readWeightsFile(file: string): Promise<ScoreWeights> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the weights file ${file} (${(error as { code?: string }).code ?? String(error)}).`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    throw new UsageError(`the weights file ${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
  }
  const { loadWeights } = await import('../weights/load.js');
  return loadWeights(data, file).weights;
}
