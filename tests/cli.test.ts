/**
 * The built executable, as users run it: `node dist/cli/index.js` on the fixture corpus, with
 * stdout, stderr and the exit status checked (run `npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_DOCUMENT_COLUMNS, CSV_FINDING_COLUMNS } from 'novlangue';
import { EXPECTED, makeCorpus, type Fixture } from './fixtures/corpus/setup.js';

const BIN = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));
/** `node --import` this to log every ES module a process resolves (see the file). */
const RECORD_IMPORTS = new URL('./fixtures/record-imports.mjs', import.meta.url).href;
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string; bin: Record<string, string> };

let fixture: Fixture;
beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` before the CLI tests.`);
  fixture = makeCorpus();
});
afterAll(() => fixture.remove());

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the binary from the fixture's root. Runs that are not about the worker pool get
 * `--jobs 1`: thread start-up would only slow the suite down.
 */
function novlangue(args: string[], options: { env?: Record<string, string> } = {}): Run {
  const subcommand = args[0] === 'explain' || args[0] === 'rules';
  const jobs = subcommand || args.includes('--jobs') ? [] : ['--jobs', '1'];
  const result = spawnSync(process.execPath, [BIN, ...args, ...jobs], {
    cwd: fixture.root,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const jsonl = (stdout: string): Array<{ file: string; error?: { code: string; message: string }; score?: number; findings?: Array<{ ruleId: string }> }> =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));

describe('novlangue: help, version, usage errors', () => {
  it('is the package’s bin, with a shebang', () => {
    expect(pkg.bin).toEqual({ novlangue: 'dist/cli/index.js' });
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('--help documents the options and the exit statuses, exit 0', () => {
    const run = novlangue(['--help']);
    expect(run.status).toBe(0);
    for (const option of ['--format', '--output', '--lang', '--lexicon', '--lexicon-only', '--jobs', '--fail-above', '--quiet', '--max-bytes', '--per', '--excel', '--group-by', 'explain', 'rules']) {
      expect(run.stdout).toContain(option);
    }
    expect(run.stdout).toMatch(/Exit status:\n {2}0 .*\n {2}1 .*--fail-above.*\n {2}2 .*usage error/);
  });

  it('--version prints the package version', () => {
    expect(novlangue(['--version'])).toEqual({ status: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('--version and --help load the option parser, not the analyser: it loads when a run needs it', () => {
    const modulesLoadedBy = (args: string[]): string[] => {
      const log = path.join(fixture.root, 'imports.log');
      writeFileSync(log, '');
      const run = spawnSync(process.execPath, ['--import', RECORD_IMPORTS, BIN, ...args], { cwd: fixture.root, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', RECORD_IMPORTS: log } });
      expect(run.status).toBe(0);
      const loaded = readFileSync(log, 'utf8').split('\n');
      rmSync(log);
      return loaded;
    };
    const analyser = (url: string): boolean => /\/dist\/analyze\.js$|\/dist\/lang\/detect\.js$|\/node_modules\/franc\//u.test(url);
    expect(modulesLoadedBy(['--version']).filter(analyser)).toEqual([]);
    expect(modulesLoadedBy(['--help']).filter(analyser)).toEqual([]);
    expect(modulesLoadedBy(['corpus', '--jobs', '1', '--format', 'jsonl']).filter(analyser).length).toBeGreaterThan(0);
  });

  it.each([
    [['--bogus', 'corpus'], /unknown option '--bogus'/],
    [['--format', 'xml', 'corpus'], /argument 'xml' is invalid. Allowed choices are text, json, jsonl, csv, md, html/],
    [['--jobs', '0', 'corpus'], /--jobs <n>' argument '0' is invalid. expected a whole number of worker threads from 1/],
    [['--fail-above', 'high', 'corpus'], /expected a score from 0 to 100/],
    [['--max-bytes', '12 parsecs', 'corpus'], /expected a size in bytes, like 1000000, 500k, 50M or 1G/],
    [[], /no input: give files, folders or globs/],
    [['--per', 'finding', 'corpus'], /--per finding applies to --format csv/],
    [['--excel', '--format', 'json', 'corpus'], /--excel applies to --format csv/],
    [['--lexicon-only', 'corpus'], /--lexicon-only needs a lexicon: add --lexicon FILE/],
    [['--lexicon', 'absent.json', 'corpus'], /cannot read the lexicon file absent\.json \(ENOENT\)/],
    [['explain'], /missing required argument 'term'/],
    [['corpus', '-f', 'jsonl', '-o', 'nowhere/out.jsonl'], /cannot write the report to nowhere\/out\.jsonl \(ENOENT\)/],
    [['corpus', '-f', 'json', '-o', 'nowhere/out.json'], /cannot write the report to nowhere\/out\.json \(ENOENT\)/],
    [['corpus', '-f', 'jsonl', '-o', '/dev/full'], /cannot write the report to \/dev\/full \(ENOSPC\)/],
  ])('%j is a usage error: exit 2, nothing on stdout', (args, message) => {
    const run = novlangue(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  // `| true` closes the pipe before novlangue (whose start takes a tenth of a second) writes to it.
  it.each([['--help'], ['--version'], ['rules'], ['corpus', '--format', 'jsonl', '--jobs', '1']])('%j into a pipe whose reader went away: exit 0, quietly', (...args) => {
    const command = [process.execPath, BIN, ...args].map((word) => `'${word}'`).join(' ');
    const run = spawnSync('bash', ['-c', `${command} | true; exit \${PIPESTATUS[0]}`], { cwd: fixture.root, encoding: 'utf8', timeout: 60_000 });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('an invalid lexicon is a usage error naming the file, the entry and the field', () => {
    writeFileSync(path.join(fixture.root, 'bad-lexicon.json'), JSON.stringify({ lang: 'fr', entries: [{ id: 'x', category: 'nope', patterns: ['=x'], weight: 1, note: 'n', section: 'OUVERTURE' }] }));
    const run = novlangue(['--lexicon', 'bad-lexicon.json', 'corpus']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad-lexicon\.json.*"x".*category/);
  });
});

describe('novlangue <paths>: one record per file', () => {
  it('jsonl: one line per file, in path order, failures as records, exit 0', () => {
    const run = novlangue(['corpus', '--format', 'jsonl', '--jobs', '1']);
    expect(run.status).toBe(0);
    const records = jsonl(run.stdout);
    expect(records.map((r) => r.file)).toEqual(Object.keys(EXPECTED));
    expect(Object.fromEntries(records.map((r) => [r.file, r.error ? r.error.code : 'document']))).toEqual(EXPECTED);
    expect(run.stderr).toBe('novlangue: 7 files could not be analysed (EBINARY 1, EDECODE 1, EFORMAT 1, ELOOP 1, ENOENT 1, EPDF_NO_TEXT 1, EPDF_PARSE 1); see their records in the report.\n');
  });

  it('is byte-identical across two runs, one of them with a worker pool', () => {
    for (const format of ['jsonl', 'json', 'csv', 'text', 'md', 'html']) {
      const first = novlangue(['corpus', '--format', format, '--jobs', '1', '-q']);
      const second = novlangue(['corpus', '--format', format, '--jobs', '4', '--min-pool-bytes', '0', '-q']);
      expect(first.status, format).toBe(0);
      expect(second.stdout, format).toBe(first.stdout);
      expect(first.stdout.length, format).toBeGreaterThan(500);
    }
  }, 180_000);

  it('text by default: a ranked table, failures and top findings, no colour when piped', () => {
    // Default --jobs (the number of cores); a fixture this small stays in one thread.
    const run = novlangue(['corpus', '--jobs', String(availableParallelism())]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^novlangue: 18 files, 11 analysed, 7 failed;/);
    expect(run.stdout).toMatch(/\nRanking\n +# +score +reading/);
    expect(run.stdout).toMatch(/\nFailures\n/);
    expect(run.stdout).toMatch(/\nBy folder\n[\s\S]*grenoble[\s\S]*lyon/);
    expect(run.stdout).not.toContain('\u001b');
    expect(novlangue(['corpus', '--color']).stdout).toContain('\u001b[');
  });

  it('--quiet: nothing on stderr; no progress bar when stderr is not a terminal', () => {
    const run = novlangue(['corpus', '--quiet', '--format', 'json']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).results).toHaveLength(18);
  });

  it('--output writes the report to the file and nothing to stdout; the report is never read as input', () => {
    const first = novlangue(['corpus', '--format', 'csv', '--output', 'corpus/rapport.txt', '-q']);
    expect([first.status, first.stdout]).toEqual([0, '']);
    const csv = readFileSync(path.join(fixture.corpus, 'rapport.txt'), 'utf8');
    expect(csv.startsWith(`${CSV_DOCUMENT_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + 18);
    const second = novlangue(['corpus', '--format', 'csv', '--output', 'corpus/rapport.txt', '-q']);
    expect(second.status).toBe(0);
    expect(readFileSync(path.join(fixture.corpus, 'rapport.txt'), 'utf8')).toBe(csv);
  });

  it('--format html -o: one self-contained file', () => {
    const run = novlangue(['corpus', '--format', 'html', '-o', 'report.html', '-q', '--group-by', 'city', '--locale', 'fr']);
    expect(run.status).toBe(0);
    const html = readFileSync(path.join(fixture.root, 'report.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    // The interface in the language asked for (without --locale, the language of most words).
    expect(html).toContain('<h2>Par city</h2>');
    expect(html).not.toMatch(/<script|<link /);
    expect(novlangue(['corpus', '--format', 'html', '-o', 'report-en.html', '-q', '--group-by', 'city', '--locale', 'en']).status).toBe(0);
    expect(readFileSync(path.join(fixture.root, 'report-en.html'), 'utf8')).toContain('<h2>By city</h2>');
  });

  it('--format csv --per finding --excel', () => {
    const run = novlangue(['corpus', '--format', 'csv', '--per', 'finding', '--excel', '-q']);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith(`\uFEFF${CSV_FINDING_COLUMNS.join(',')}\r\n`)).toBe(true);
    const findings = jsonl(novlangue(['corpus', '--format', 'jsonl', '-q']).stdout).reduce((sum, r) => sum + (r.findings?.length ?? 0), 0);
    // Rows: the header, one per finding, one per failed file (7); no field holds a line break here.
    expect(run.stdout.trimEnd().split('\r\n')).toHaveLength(1 + findings + 7);
    expect(findings).toBeGreaterThan(20);
    expect(run.stdout).toMatch(/\r\ncorpus\/divers\/image\.txt,(,)+EBINARY,/);
  });

  it('--fail-above: exit 1 and the documents above on stderr; exit 0 below', () => {
    const above = novlangue(['corpus', '--fail-above', '90', '--format', 'jsonl']);
    expect(above.status).toBe(1);
    const high = jsonl(above.stdout).filter((r) => (r.score ?? 0) > 90);
    expect(high.length).toBeGreaterThan(0);
    expect(above.stderr).toMatch(new RegExp(`${high.length} documents? scored above 90:`));
    for (const record of high) expect(above.stderr).toContain(record.file);
    expect(novlangue(['corpus', '--fail-above', '100', '-q']).status).toBe(0);
    const quiet = novlangue(['corpus', '--fail-above', '0', '-q']);
    expect([quiet.status, quiet.stderr]).toEqual([1, '']);
  });

  it('--max-bytes turns larger files into ETOOLARGE records', () => {
    const records = jsonl(novlangue(['corpus/lyon', '--format', 'jsonl', '--max-bytes', '300', '-q']).stdout);
    expect(records.find((r) => r.file === 'corpus/lyon/communique.txt')!.error!.code).toBe('ETOOLARGE');
    expect(records.find((r) => r.file === 'corpus/lyon/bom.txt')!.error).toBeUndefined();
  });

  it('--lexicon extends the bundled lexicon; --lexicon-only replaces it', () => {
    const entry = { id: 'habitants-test', category: 'management', patterns: ['=habitants'], weight: 2, note: 'A test entry, long enough for the schema.', section: 'OUVERTURE' };
    writeFileSync(path.join(fixture.root, 'extra.json'), JSON.stringify({ lang: 'fr', entries: [entry] }));
    const extended = jsonl(novlangue(['corpus/lyon/communique.txt', '--format', 'jsonl', '--lexicon', 'extra.json']).stdout)[0]!;
    const ruleIds = new Set(extended.findings!.map((f) => f.ruleId));
    expect(ruleIds.has('fr.habitants-test')).toBe(true);
    expect(ruleIds.has('fr.smart-city')).toBe(true);
    const only = jsonl(novlangue(['corpus/lyon/communique.txt', '--format', 'jsonl', '--lexicon', 'extra.json', '--lexicon-only']).stdout)[0]!;
    expect(only.findings!.map((f) => f.ruleId)).toEqual(['fr.habitants-test']);
    expect(novlangue(['corpus', '--lexicon', 'extra.json', '--lang', 'en']).stderr).toMatch(/extra\.json is for "fr" but --lang is "en"/);
  });

  it('a missing path among others is a usage error naming it, before anything is analysed', () => {
    const run = novlangue(['absent', 'corpus/racine.txt', '--format', 'jsonl']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/no such file or folder: absent/);
  });
});

describe('novlangue explain / rules', () => {
  it('explain: the entries a phrase triggers, with category, gloss, section and patterns', () => {
    const run = novlangue(['explain', 'ville intelligente']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^fr\.ville-intelligente\n {2}category +intelligence: /);
    expect(run.stdout).toMatch(/\n {2}section +\S/);
    expect(run.stdout).toMatch(/\n {2}patterns +\S/);
    expect(run.stdout).toMatch(/\n {2}gloss +\S/);
  });

  it('explain: by rule id, and exit 1 when nothing matches', () => {
    expect(novlangue(['explain', 'fr.smart-city', '--lang', 'fr']).stdout).toMatch(/^fr\.smart-city\n/);
    const none = novlangue(['explain', 'boulangerie']);
    expect([none.status, none.stdout]).toEqual([1, '']);
    expect(none.stderr).toMatch(/no lexicon entry matches "boulangerie"/);
  });

  it('rules: every entry by category; md and json too', () => {
    const text = novlangue(['rules', '--lang', 'fr']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^intelligence: /);
    expect(text.stdout).toMatch(/\n {2}fr\.ville-intelligente +w\d/);
    const json = JSON.parse(novlangue(['rules', '--lang', 'fr', '--format', 'json']).stdout) as Array<{ ruleId: string; kind: string }>;
    expect(json.length).toBeGreaterThan(50);
    expect(new Set(json.map((r) => r.ruleId)).size).toBe(json.length);
    expect(novlangue(['rules', '--format', 'md', '--lang', 'fr']).stdout).toMatch(/^### intelligence: .*\n\n\| Rule \| Kind \| Weight \| Patterns \| Essay section \|/);
  });
});
