/**
 * `npm run bench:instructions -- [dist] [dist-b …]`: CPU instructions per `analyze()` call in
 * steady state, counted by valgrind, to compare builds on a machine whose wall times are noise.
 *
 * On a shared VM the same build's throughput moves by a third from run to run, and a change
 * of 5 % cannot be seen in milliseconds. Instructions do not depend on the neighbours: each
 * build runs under callgrind, with V8 in `--single-threaded --predictable` mode (compilation
 * and garbage collection on the main thread, in the same order every time), once for `FEW`
 * calls and once for `MANY`; the difference divided by `MANY - FEW` is what one warmed-up call
 * costs, start-up and JIT warm-up left out. Repeated measurements of one build still differ by
 * up to 8 % (359 to 388 M a call for one build, in four runs): far less than wall times here, but
 * a smaller difference is noise. It counts work, not time: cache misses and memory stalls do not show.
 *
 *   npm run bench:instructions                         the current build (dist/)
 *   npm run bench:instructions -- dist-old dist        two builds, the second relative to the first
 *   npm run bench:instructions -- --lang en dist       the English text
 *
 * Needs valgrind (Debian: `apt-get install valgrind`). Takes 2 to 3 minutes a build on 2 cores.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { englishText, frenchText } from './corpus.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Calls before the measured ones: by then every hot function is optimised (~6 suffice). */
const FEW = 10;
const MANY = 20;
/** A text large enough to be real work, small enough for callgrind's ~50x slowdown. */
const TEXT_BYTES = 300_000;

/** What each child runs: `analyze()` `calls` times over the text file. */
const CHILD = `
const [entry, file, lang, calls] = process.argv.slice(1);
const { analyze } = await import(entry);
const { readFileSync } = await import('node:fs');
const text = readFileSync(file, 'utf8');
for (let i = 0; i < Number(calls); i++) analyze(text, { lang });
`;

interface Settings {
  lang: 'fr' | 'en';
  builds: string[];
}

function settings(argv: readonly string[]): Settings {
  const result: Settings = { lang: 'fr', builds: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') {
      const lang = argv[++i];
      if (lang !== 'fr' && lang !== 'en') throw new Error(`--lang expects fr or en, instead received "${lang ?? ''}".`);
      result.lang = lang;
    } else if (arg.startsWith('-')) {
      throw new Error(`unknown option "${arg}". Usage: tsx bench/instructions.ts [--lang fr|en] [build directory …]`);
    } else result.builds.push(resolve(arg));
  }
  if (result.builds.length === 0) result.builds.push(join(ROOT, 'dist'));
  return result;
}

/** Instructions callgrind counted for one child process. */
function instructions(build: string, textFile: string, lang: string, calls: number): Promise<number> {
  const args = ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', '--predictable'];
  args.push('--input-type=module', '-e', CHILD, pathToFileURL(join(build, 'index.js')).href, textFile, lang, String(calls));
  return new Promise((done, fail) => {
    const child = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      fail(new Error(error.code === 'ENOENT' ? 'valgrind not found: install it (Debian: apt-get install valgrind)' : error.message)));
    child.on('close', (code) => {
      const collected = /Collected\s*:\s*(\d+)/.exec(stderr);
      if (code === 0 && collected) return done(Number(collected[1]));
      fail(new Error(`${build}: the analysis under valgrind exited with ${String(code)}:\n${stderr.split('\n').slice(-12).join('\n')}`));
    });
  });
}

async function main(): Promise<void> {
  const { lang, builds } = settings(process.argv.slice(2));
  const scratch = mkdtempSync(join(os.tmpdir(), 'novlangue-instructions-'));
  try {
    const text = lang === 'fr' ? frenchText(ROOT, TEXT_BYTES) : await englishText(ROOT, TEXT_BYTES);
    if (!text) throw new Error('no English text in corpus/en/ or tests/fixtures/english.ts');
    const textFile = join(scratch, `${lang}.txt`);
    writeFileSync(textFile, text.text);
    process.stdout.write(`${lang}: ${(text.bytes / 1e6).toFixed(2)} MB, sha256 ${text.sha256.slice(0, 12)}; instructions of one analyze() call after ${FEW} (calls ${FEW + 1} to ${MANY})\n`);
    let first: number | undefined;
    for (const build of builds) {
      // The two counts of a build run at once: callgrind runs a process on one core.
      const [few, many] = await Promise.all([instructions(build, textFile, lang, FEW), instructions(build, textFile, lang, MANY)]);
      const perCall = (many - few) / (MANY - FEW);
      first ??= perCall;
      const relative = builds.length > 1 ? `  ${((perCall / first) * 100).toFixed(1)} % of the first` : '';
      process.stdout.write(`${build}: ${(perCall / 1e6).toFixed(1)} M instructions a call, ${(perCall / text.bytes).toFixed(0)} a byte${relative}\n`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:instructions: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
