/** Runs the command line and maps every outcome to a documented exit status. */
import { CommanderError } from 'commander';
import { NovlangueError } from '../errors.js';
import { EXIT } from './errors.js';
import { buildProgram } from './program.js';

/** Errors in what the user gave (options, inputs, --lexicon, --weights, --labels and the labels of a corpus, the config file): exit status 2. */
const USAGE_CODES: ReadonlySet<string> = new Set(['EUSAGE', 'ELEXICON', 'EOPTION', 'EWEIGHTS', 'EVALIDATE', 'ECONFIG']);

/** Run novlangue with `args` (without `node` and the script); resolves to the exit status. */
export async function main(args: readonly string[]): Promise<number> {
  let status: number = EXIT.ok;
  const program = buildProgram((code) => {
    status = code;
  });
  program.exitOverride();
  program.commands.forEach((command) => command.exitOverride());
  try {
    await program.parseAsync([...args], { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; everything commander rejects is a usage error (it printed why).
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof NovlangueError && USAGE_CODES.has(error.code)) {
      // Library messages may start with "novlangue: " themselves (EOPTION): said once.
      process.stderr.write(`novlangue: ${error.message.replace(/^novlangue: /, '')}\n${error.code === 'EUSAGE' ? 'Try `novlangue --help`.\n' : ''}`);
      return EXIT.usage;
    }
    process.stderr.write(`novlangue: internal error, please report it with the command you ran:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.internal;
  }
}
