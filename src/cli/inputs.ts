/**
 * The inputs of a run, checked before anything is read: a path that does not exist and a glob
 * that matches nothing stop the run with exit status 2 (a script must not take an empty report
 * for a clean one), and a mistyped subcommand is said to be one.
 */
import { stat } from 'node:fs/promises';
import picomatch from 'picomatch';
import { listCorpus } from '../corpus/01-list.js';
import { UsageError } from './errors.js';

/** The name of standard input on the command line and in the reports. */
export const STDIN = '-';

/** Levenshtein distance (command names are short). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The command `word` is probably a typo of, if any: at most two edits away, and not a path. */
export function meantCommand(word: string, commands: readonly string[]): string | undefined {
  if (word.includes('/') || word.includes('.') || commands.includes(word)) return undefined;
  const ranked = commands.map((command) => ({ command, edits: distance(word.toLowerCase(), command) })).sort((a, b) => a.edits - b.edits);
  const best = ranked[0];
  return best !== undefined && best.edits <= Math.min(2, Math.floor(best.command.length / 2)) ? best.command : undefined;
}

const exists = async (input: string): Promise<boolean> =>
  stat(input).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== 'ENOENT' && error.code !== 'ENOTDIR',
  );

/**
 * Every input that names nothing: a missing path, or a glob without a match.
 * @throws {UsageError} naming each of them
 */
export async function checkInputs(inputs: readonly string[], commands: readonly string[] = []): Promise<void> {
  const missing: string[] = [];
  for (const input of inputs) {
    if (input === '' || (await exists(input))) continue;
    if (picomatch.scan(input).isGlob) {
      const listed = await listCorpus([input]);
      if (listed.some((record) => !('error' in record) || record.error.code !== 'ENOENT')) continue;
      missing.push(`no file matches the glob ${JSON.stringify(input)}`);
      continue;
    }
    const command = inputs.length === 1 ? meantCommand(input, commands) : undefined;
    if (command !== undefined) throw new UsageError(`${JSON.stringify(input)} is neither a file nor a command; did you mean ${command}?`);
    missing.push(`no such file or folder: ${input}`);
  }
  if (missing.length > 0) throw new UsageError(`${missing.join('; ')}.`);
}
