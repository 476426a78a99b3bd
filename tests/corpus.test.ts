import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CorpusError,
  MIN_WORDS,
  NovlangueError,
  analyzeCorpus,
  isCorpusFailure,
  leanResult,
  readDocument,
  summarizeCorpus,
  type CorpusDocument,
  type CorpusFailure,
  type CorpusOptions,
  type CorpusResult,
} from 'novlangue';
import { expectInvariants } from './helpers.js';
import { EXPECTED, PDF_LINES, TEXT_1252, TEXT_UTF16, compressedPdf, makeCorpus, type Fixture } from './fixtures/corpus/setup.js';
import { failure } from '../src/corpus/errors.js';
import { batches } from '../src/corpus/pool.js';
import type { Listed } from '../src/corpus/01-list.js';
// The built module, as its worker threads exist only in dist/; typed from the sources, so that
// type-checking does not need dist/ (`npm test` type-checks before it builds).
const { analyzeCorpusLines } = (await import(new URL('../dist/corpus/corpus.js', import.meta.url).href)) as typeof import('../src/corpus/corpus.js');
import { csvRows, jsonlLine } from '../src/report/index.js';

let fixture: Fixture;
beforeAll(() => {
  fixture = makeCorpus();
});
afterAll(() => fixture.remove());

/** Run from the fixture's root, so files are named `corpus/...` as in EXPECTED. */
async function collect(paths: string | string[], options: CorpusOptions = {}): Promise<CorpusResult[]> {
  const cwd = process.cwd();
  process.chdir(fixture.root);
  try {
    const results: CorpusResult[] = [];
    for await (const result of analyzeCorpus(paths, options)) results.push(result);
    return results;
  } finally {
    process.chdir(cwd);
  }
}

/** The jsonl lines of a run from the fixture's root, as text, with each record's file and error code. */
async function jsonlLines(paths: string, options: CorpusOptions): Promise<Array<{ file: string; code?: string; line: string }>> {
  const cwd = process.cwd();
  process.chdir(fixture.root);
  try {
    const out = [];
    for await (const { file, code, line } of analyzeCorpusLines(paths, options, { format: 'jsonl', options: {} })) {
      out.push({ file, ...(code ? { code } : {}), line: Buffer.from(line).toString('utf8') });
    }
    return out;
  } finally {
    process.chdir(cwd);
  }
}

const documentOf = (results: CorpusResult[], file: string): CorpusDocument => {
  const result = results.find((r) => r.file === file);
  if (!result || isCorpusFailure(result)) throw new Error(`${file}: expected a document, got ${JSON.stringify(result)}`);
  return result;
};
const failureOf = (results: CorpusResult[], file: string): CorpusFailure => {
  const result = results.find((r) => r.file === file);
  if (!result || !isCorpusFailure(result)) throw new Error(`${file}: expected a failure`);
  return result;
};

describe('analyzeCorpus(): one record per file, in path order', () => {
  let results: CorpusResult[];
  beforeAll(async () => {
    results = await collect('corpus');
  });

  it('lists every file once, sorted, and nothing hidden, in node_modules or a sidecar', () => {
    expect(results.map((r) => r.file)).toEqual(Object.keys(EXPECTED));
  });

  it('gives each file the expected outcome', () => {
    const outcomes = Object.fromEntries(results.map((r) => [r.file, isCorpusFailure(r) ? r.error.code : 'document']));
    expect(outcomes).toEqual(EXPECTED);
  });

  it('names the file and the problem in every failure message', () => {
    for (const result of results.filter(isCorpusFailure)) {
      expect(result.error.message.startsWith(`${result.file}: `), result.error.message).toBe(true);
      expect(result.error.message.length).toBeGreaterThan(result.file.length + 12);
    }
    expect(failureOf(results, 'corpus/divers/perdu.txt').error.message).toMatch(/dangling symbolic link.*nulle-part\.txt/);
    expect(failureOf(results, 'corpus/lyon/scan.pdf').error.message).toMatch(/no text layer.*OCR/);
  });

  it('holds the analysis invariants on every document, offsets referring to the extracted text', () => {
    for (const result of results) {
      if (isCorpusFailure(result)) continue;
      expectInvariants(result.text, result);
      for (const finding of result.findings) expect(result.text.slice(...finding.range)).toBe(finding.actual);
    }
  });

  it('is plain JSON and deterministic', async () => {
    expect(JSON.parse(JSON.stringify(results))).toEqual(results);
    expect(JSON.stringify(await collect('corpus'))).toBe(JSON.stringify(results));
  });

  it('gives the first folder level under the given folder as `folder`', () => {
    expect(documentOf(results, 'corpus/lyon/2022/page.html').folder).toBe('lyon');
    expect(documentOf(results, 'corpus/grenoble/note.md').folder).toBe('grenoble');
    expect(documentOf(results, 'corpus/racine.txt').folder).toBeNull();
  });
});

describe('decoding', () => {
  let results: CorpusResult[];
  beforeAll(async () => {
    results = await collect('corpus');
  });

  it('reads Windows-1252 when the bytes are not UTF-8, including € and ’', () => {
    const document = documentOf(results, 'corpus/lyon/ancien-1252.txt');
    expect(document.encoding).toBe('windows-1252');
    expect(document.text).toBe(TEXT_1252);
  });

  it('reads UTF-16 LE and BE by their byte order mark', () => {
    for (const [file, encoding] of [['corpus/grenoble/rapport-utf16le.txt', 'utf-16le'], ['corpus/grenoble/rapport-utf16be.txt', 'utf-16be']] as const) {
      const document = documentOf(results, file);
      expect(document.encoding).toBe(encoding);
      expect(document.text).toBe(TEXT_UTF16);
      expect(document.findings.map((f) => f.ruleId)).toContain('fr.ville-intelligente');
    }
  });

  it('drops a UTF-8 byte order mark from the text and says it was there', () => {
    const document = documentOf(results, 'corpus/lyon/bom.txt');
    expect(document.encoding).toBe('utf-8-bom');
    expect(document.text.startsWith('Une smart city')).toBe(true);
  });

  it('analyses an empty file as an empty document', () => {
    const document = documentOf(results, 'corpus/vide.txt');
    expect([document.text, document.bytes, document.words, document.score, document.findings.length]).toEqual(['', 0, 0, 0, 0]);
  });

  it('refuses binary files and files that break their byte order mark', () => {
    expect(failureOf(results, 'corpus/divers/image.txt').error.code).toBe('EBINARY');
    expect(failureOf(results, 'corpus/divers/casse-bom.txt').error.message).toMatch(/UTF-8 byte order mark but is not valid UTF-8/);
  });
});

describe('extraction', () => {
  let results: CorpusResult[];
  beforeAll(async () => {
    results = await collect('corpus');
  });

  it('HTML: body text only, entities decoded, NBSP made plain, tables readable', () => {
    const { text, format } = documentOf(results, 'corpus/lyon/2022/page.html');
    expect(format).toBe('html');
    for (const hidden of ['scriptTexte', 'font-family', 'Menu de navigation', 'pied de page', "Titre de l'onglet", '<', '&amp;', '&nbsp;']) expect(text).not.toContain(hidden);
    expect(text).not.toMatch(/[\u00a0\u202f]/);
    expect(text).toContain('Notre métropole connectée');
    expect(text).toContain('La ville intelligente & durable : un « écosystème » innovant');
    expect(text).toMatch(/Hyperviseur +3 M€\nCapteurs connectés +1 M€/);
  });

  it('Markdown: markup stripped, front matter read as metadata and left out of the text', () => {
    const document = documentOf(results, 'corpus/grenoble/note.md');
    expect(document.text.startsWith('Note sur la smart city\n')).toBe(true);
    for (const markup of ['**', '](', 'https://', '`', '# ', '---', 'city:']) expect(document.text).not.toContain(markup);
    expect(document.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['fr.smart-city', 'fr.ville-intelligente']));
  });

  it('metadata: front matter, then the sidecar, field by field', () => {
    expect(documentOf(results, 'corpus/grenoble/note.md').meta).toEqual({
      city: 'Grenoble',
      date: '2023-05-01',
      kind: 'note interne',
      source: 'Fixture written for the novlangue tests.',
      tags: ['note', 'interne'],
    });
    expect(documentOf(results, 'corpus/lyon/communique.txt').meta['city']).toBe('Lyon');
    expect(documentOf(results, 'corpus/racine.txt').meta).toEqual({});
  });

  it('PDF: the text layer, pages joined; no text layer and broken files are errors', () => {
    const document = documentOf(results, 'corpus/lyon/plan.pdf');
    expect([document.format, document.encoding]).toEqual(['pdf', null]);
    expect(document.text).toBe('La ville intelligente est une smart city connectée.\nLes capteurs optimisent les flux en temps réel.');
    expect(PDF_LINES).toHaveLength(2);
    expect(document.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['fr.ville-intelligente', 'fr.smart-city']));
    expect(failureOf(results, 'corpus/lyon/scan.pdf').error.code).toBe('EPDF_NO_TEXT');
    expect(failureOf(results, 'corpus/divers/casse.pdf').error.code).toBe('EPDF_PARSE');
  });

  it('refuses HTML nested deeper than it can read identically in every thread', async () => {
    const file = path.join(fixture.root, 'profond.html');
    writeFileSync(file, `${'<div>'.repeat(600)}ville intelligente${'</div>'.repeat(600)}`);
    await expect(readDocument(file)).rejects.toMatchObject({ code: 'EEXTRACT', message: expect.stringMatching(/nested 600 deep/) });
    unlinkSync(file);
  });

  it('a broken sidecar is an EMETA record naming the sidecar', async () => {
    const dir = path.join(fixture.root, 'meta-cassee');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.txt'), 'smart city');
    writeFileSync(path.join(dir, 'a.meta.json'), '{ "city": ');
    writeFileSync(path.join(dir, 'b.txt'), 'smart city');
    writeFileSync(path.join(dir, 'b.meta.json'), '["not", "an", "object"]');
    const results = await collect('meta-cassee');
    expect(results.map((r) => (isCorpusFailure(r) ? r.error.code : 'document'))).toEqual(['EMETA', 'EMETA']);
    expect(failureOf(results, 'meta-cassee/a.txt').error.message).toMatch(/a\.meta\.json is not valid UTF-8 JSON/);
    expect(failureOf(results, 'meta-cassee/b.txt').error.message).toMatch(/must be an object/);
  });
});

describe('inputs: files, folders, globs, links, limits', () => {
  it('a missing path, an empty folder and a glob without match are ENOENT records', async () => {
    mkdirSync(path.join(fixture.root, 'vide'), { recursive: true });
    const results = await collect(['absent.txt', 'vide', 'corpus/**/*.odt']);
    expect(results.map((r) => [r.file, isCorpusFailure(r) ? r.error.code : 'document'])).toEqual([
      ['absent.txt', 'ENOENT'],
      ['corpus/**/*.odt', 'ENOENT'],
      ['vide', 'ENOENT'],
    ]);
  });

  it('globs: matching files, or everything under matching folders, grouped under the glob base', async () => {
    const results = await collect(['corpus/**/*.md', 'corpus/lyon/2022']);
    expect(results.map((r) => r.file)).toEqual(['corpus/grenoble/note.md', 'corpus/lyon/2022/page.html']);
    expect(documentOf(results, 'corpus/grenoble/note.md').folder).toBe('grenoble');
    const folders = await collect('corpus/g*');
    expect(folders.map((r) => r.file)).toEqual(['corpus/grenoble/critique.txt', 'corpus/grenoble/note.md', 'corpus/grenoble/rapport-utf16be.txt', 'corpus/grenoble/rapport-utf16le.txt']);
  });

  it('a file given twice, or also inside a given folder, is one record; a link to it is EDUPLICATE', async () => {
    symlinkSync(path.join(fixture.corpus, 'racine.txt'), path.join(fixture.root, 'lien-racine.txt'));
    const results = await collect(['corpus/lyon', 'corpus/lyon/communique.txt', './corpus/lyon/communique.txt', 'lien-racine.txt', 'corpus/racine.txt']);
    const files = results.map((r) => r.file);
    expect(files.filter((f) => f === 'corpus/lyon/communique.txt')).toHaveLength(1);
    expect(new Set(files).size).toBe(files.length);
    expect(failureOf(results, 'lien-racine.txt').error).toMatchObject({ code: 'EDUPLICATE', message: expect.stringContaining('corpus/racine.txt') });
    expect(documentOf(results, 'corpus/racine.txt').file).toBe('corpus/racine.txt');
  });

  it('sockets and other special files are ESPECIAL records, never read', async () => {
    const dir = path.join(fixture.root, 'special');
    mkdirSync(dir);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(dir, 'socket.txt'), resolve));
    try {
      const results = await collect('special');
      expect(results).toEqual([{ file: 'special/socket.txt', error: { code: 'ESPECIAL', message: expect.stringContaining('not a regular file') } }]);
    } finally {
      server.close();
    }
  });

  it('maxBytes: larger files are ETOOLARGE, with the limit and how to raise it', async () => {
    const results = await collect('corpus/lyon/communique.txt', { maxBytes: 100 });
    expect(failureOf(results, 'corpus/lyon/communique.txt').error.message).toMatch(/more than the limit of 100 bytes \(raise it with --max-bytes/);
  });

  it('exclude: never reads the excluded paths', async () => {
    const results = await collect('corpus/lyon', { exclude: [path.join(fixture.corpus, 'lyon/communique.txt')] });
    expect(results.map((r) => r.file)).not.toContain('corpus/lyon/communique.txt');
    expect(results.length).toBeGreaterThan(3);
  });

  it('a file that vanishes after the listing is an ECHANGED record, and the run goes on', async () => {
    const dir = path.join(fixture.root, 'change');
    mkdirSync(dir);
    for (const name of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(path.join(dir, name), 'La smart city.');
    const cwd = process.cwd();
    process.chdir(fixture.root);
    const results: CorpusResult[] = [];
    try {
      for await (const result of analyzeCorpus('change')) {
        results.push(result);
        // b.txt is read while a.txt is analysed (one file is read ahead): c.txt is not yet.
        if (result.file === 'change/a.txt') rmSync(path.join(dir, 'c.txt'));
      }
    } finally {
      process.chdir(cwd);
    }
    expect(results.map((r) => (isCorpusFailure(r) ? r.error.code : 'document'))).toEqual(['document', 'document', 'ECHANGED']);
    expect(failureOf(results, 'change/c.txt').error.message).toMatch(/vanished after it was listed/);
  });

  it('a folder given as a document is EISDIR; permissions map to EACCES', async () => {
    await expect(readDocument(fixture.corpus, { name: 'corpus' })).rejects.toMatchObject({ code: 'EISDIR' });
    const denied = failure('secret.txt', Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    expect(denied).toEqual({ file: 'secret.txt', error: { code: 'EACCES', message: 'secret.txt: permission denied (check the file’s read permission)' } });
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file is an EACCES record (not as root, which reads everything)', async () => {
    const file = path.join(fixture.root, 'ferme.txt');
    writeFileSync(file, 'smart city');
    chmodSync(file, 0o000);
    const results = await collect('ferme.txt');
    expect(failureOf(results, 'ferme.txt').error.code).toBe('EACCES');
  });

  it('an aborted signal stops the run between files', async () => {
    const controller = new AbortController();
    const cwd = process.cwd();
    process.chdir(fixture.root);
    const results: CorpusResult[] = [];
    try {
      for await (const result of analyzeCorpus('corpus', { signal: controller.signal })) {
        results.push(result);
        if (results.length === 3) controller.abort();
      }
    } finally {
      process.chdir(cwd);
    }
    expect(results).toHaveLength(3);
  });

  it('reports the number of records before the first one', async () => {
    let listed = -1;
    const results = await collect('corpus', { onListed: (count) => (listed = count) });
    expect(listed).toBe(results.length);
  });

  it('rejects invalid options before reading anything', async () => {
    await expect(collect('corpus', { jobs: 0 })).rejects.toThrow(NovlangueError);
    await expect(collect('corpus', { jobs: 1.5 })).rejects.toThrow(/"jobs" must be an integer/);
    await expect(collect('corpus', { maxBytes: -1 })).rejects.toThrow(/"maxBytes"/);
    await expect(collect('corpus', { lang: 'de' as 'fr' })).rejects.toThrow(/"lang" must be "fr", "en" or "auto"/);
    await expect(collect(42 as unknown as string)).rejects.toThrow(/expects a path or an array of paths/);
  });

  it("lang 'auto' analyses without failing", async () => {
    const results = await collect('corpus/lyon/communique.txt', { lang: 'auto' });
    expect(documentOf(results, 'corpus/lyon/communique.txt').lang).toBe('fr');
  });
});

describe('worker pool', () => {
  it('gives the same records, byte for byte and in the same order, with 4 worker threads', async () => {
    const inProcess = await collect('corpus', { jobs: 1 });
    const pooled = await collect('corpus', { jobs: 4, minPoolBytes: 0 });
    expect(pooled.length).toBeGreaterThan(8); // more than 2 × jobs files: the pool really ran
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(inProcess));
  });

  it('workers, which read with blocking calls, give the same sidecar and size records', async () => {
    const dir = path.join(fixture.root, 'lecture-bloquante');
    mkdirSync(dir);
    for (let i = 0; i < 8; i++) writeFileSync(path.join(dir, `f${i}.txt`), `La ville intelligente n° ${i}, durable et connectée.`);
    writeFileSync(path.join(dir, 'f1.meta.json'), '{ "city": "Valmont", "date": "2024-03-14" }');
    writeFileSync(path.join(dir, 'f2.meta.json'), '{ "city": ');
    writeFileSync(path.join(dir, 'gros.txt'), `smart city ${'x'.repeat(500)}`);
    const options = { maxBytes: 200 };
    const inProcess = await collect('lecture-bloquante', { ...options, jobs: 1 });
    const pooled = await collect('lecture-bloquante', { ...options, jobs: 2, minPoolBytes: 0 });
    expect(inProcess.map((r) => (isCorpusFailure(r) ? r.error.code : r.meta['city'] ?? 'document'))).toEqual([
      'document', 'Valmont', 'EMETA', 'document', 'document', 'document', 'document', 'document', 'ETOOLARGE',
    ]);
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(inProcess));
  });

  it('analyses a large file in a worker: the heap limit grows with the largest file of the run', async () => {
    const dir = path.join(fixture.root, 'grand-fichier');
    mkdirSync(dir);
    const essay = readFileSync(new URL('./fixtures/jarrige-2020-impasse-smart-cities.txt', import.meta.url), 'utf8');
    writeFileSync(path.join(dir, 'archive.txt'), Array.from({ length: Math.ceil(10e6 / essay.length) }, () => essay).join('\n\n'));
    for (let i = 0; i < 6; i++) writeFileSync(path.join(dir, `note-${i}.txt`), 'La ville intelligente et durable.');
    const pooled = await collect('grand-fichier', { jobs: 2, minPoolBytes: 0, lean: true });
    expect(pooled.filter(isCorpusFailure)).toEqual([]);
    const archive = documentOf(pooled, 'grand-fichier/archive.txt');
    expect(archive.bytes).toBeGreaterThan(10e6);
    expect(archive.findings.length).toBeGreaterThan(10_000);
  });

  it('analyses a finding-dense file to its jsonl line in a worker (the line and the analysis share its heap)', async () => {
    const dir = path.join(fixture.root, 'fichier-dense');
    mkdirSync(dir);
    // The densest text there is: one term over and over, ~100,000 findings in 2 MB.
    writeFileSync(path.join(dir, 'dense.txt'), 'La ville intelligente, la ville intelligente. '.repeat(44_000));
    for (let i = 0; i < 6; i++) writeFileSync(path.join(dir, `note-${i}.txt`), 'La ville intelligente et durable.');
    const records = await jsonlLines('fichier-dense', { jobs: 2, minPoolBytes: 0 });
    expect(records.map((record) => record.code ?? 'ok')).toEqual(Array.from({ length: 7 }, () => 'ok'));
    expect((JSON.parse(records[0]!.line) as { findings: unknown[] }).findings.length).toBeGreaterThan(80_000);
  });

  it('analyses again, without the pool’s heap limit, a file whose text outgrows what its size foretold', async () => {
    const dir = path.join(fixture.root, 'pdf-compresse');
    mkdirSync(dir);
    // 300 KB of PDF, 1.9 MB of one term repeated: more than a worker sized by the file can hold.
    writeFileSync(path.join(dir, 'rapport.pdf'), compressedPdf(1000, 'La ville intelligente, la ville intelligente.'));
    for (let i = 0; i < 6; i++) writeFileSync(path.join(dir, `note-${i}.txt`), 'La ville intelligente et durable.');
    const pooled = await jsonlLines('pdf-compresse', { jobs: 2, minPoolBytes: 0 });
    expect(pooled.filter((record) => record.code !== undefined)).toEqual([]);
    expect(JSON.parse(pooled.find((record) => record.file.endsWith('rapport.pdf'))!.line).words).toBeGreaterThan(200_000);
    expect(pooled).toEqual(await jsonlLines('pdf-compresse', { jobs: 1 }));
  });

  it('sends a custom lexicon to the workers', async () => {
    const { bundledLexicon, extendLexicon } = await import('novlangue');
    const lexicon = extendLexicon(
      bundledLexicon('fr'),
      { lang: 'fr', entries: [{ id: 'habitant-test', category: 'management', patterns: ['=habitant|=habitants'], weight: 1, note: 'A test entry, long enough for the schema.', section: 'OUVERTURE' }] },
      'test-lexicon.json',
    );
    const inProcess = await collect('corpus', { jobs: 1, lexicon });
    const pooled = await collect('corpus', { jobs: 3, lexicon, minPoolBytes: 0 });
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(inProcess));
    expect(documentOf(pooled, 'corpus/lyon/communique.txt').findings.map((f) => f.ruleId)).toContain('fr.habitant-test');
  });
});

describe('report lines (the streamed runs of the CLI)', () => {
  async function lines(format: 'jsonl' | 'csv', jobs: number): Promise<Array<{ file: string; code?: string; score?: number; line: string }>> {
    const cwd = process.cwd();
    process.chdir(fixture.root);
    try {
      const out = [];
      const perFinding = format === 'csv' ? ({ per: 'finding' } as const) : ({ withText: true } as const);
      for await (const { line, ...rest } of analyzeCorpusLines('corpus', { jobs, minPoolBytes: 0 }, { format, options: perFinding })) out.push({ ...rest, line: Buffer.from(line).toString('utf8') });
      return out;
    } finally {
      process.chdir(cwd);
    }
  }

  it.each([
    ['jsonl', 1],
    ['jsonl', 3],
    ['csv', 1],
    ['csv', 3],
  ] as const)('%s, jobs %i: each line is the report line of its record, byte for byte, in path order', async (format, jobs) => {
    const records = await collect('corpus', { jobs: 1, lean: true });
    const got = await lines(format, jobs);
    expect(got.map((r) => r.file)).toEqual(records.map((r) => r.file));
    expect(got.map((r) => r.line)).toEqual(records.map((r) => (format === 'jsonl' ? jsonlLine(r, { withText: true }) : csvRows(r, { per: 'finding' }))));
    expect(got.map((r) => r.code ?? r.score)).toEqual(records.map((r) => (isCorpusFailure(r) ? r.error.code : r.score)));
  });
});

describe('batches of a pool', () => {
  const file = (i: number, size = 3000): Listed => ({ file: `f${i}.txt`, path: `f${i}.txt`, folder: null, size });
  const flat = (all: number[][]): number[] => all.flat();

  it('cover every listed item once, in order, failures riding along', () => {
    const listed: Listed[] = Array.from({ length: 1000 }, (_, i) => (i % 7 === 0 ? failure(`f${i}.txt`, new Error('x'), 'EFORMAT') : file(i)));
    const all = batches(listed, 2);
    expect(flat(all)).toEqual(listed.map((_, i) => i));
    expect(all.every((batch) => batch.length > 0)).toBe(true);
  });

  it('close at 32 files or 64 KiB, and give each thread at least four', () => {
    expect(batches(Array.from({ length: 10_000 }, (_, i) => file(i, 1000)), 2).map((b) => b.length).slice(0, 3)).toEqual([32, 32, 32]);
    expect(batches(Array.from({ length: 10_000 }, (_, i) => file(i, 3000)), 2)[0]).toHaveLength(22);
    expect(batches(Array.from({ length: 100 }, (_, i) => file(i, 10 * 2 ** 20)), 2)[0]).toHaveLength(1);
    expect(batches(Array.from({ length: 20 }, (_, i) => file(i)), 2)).toHaveLength(10);
  });
});

describe('summarizeCorpus()', () => {
  let results: CorpusResult[];
  beforeAll(async () => {
    results = await collect('corpus');
  });

  it('counts files, documents and failures per code', () => {
    const summary = summarizeCorpus(results);
    expect([summary.files, summary.documents, summary.failures]).toEqual([18, 11, 7]);
    expect(summary.errors).toEqual({ EBINARY: 1, EDECODE: 1, EFORMAT: 1, ELOOP: 1, ENOENT: 1, EPDF_NO_TEXT: 1, EPDF_PARSE: 1 });
  });

  it('ranks documents by score, then by file, from 1; documents too short to score fairly come last', () => {
    const { ranking } = summarizeCorpus(results);
    expect(ranking.map((entry) => entry.rank)).toEqual(ranking.map((_, i) => i + 1));
    for (let i = 1; i < ranking.length; i++) {
      const [a, b] = [ranking[i - 1]!, ranking[i]!];
      const inOrder = a.short === b.short ? a.score > b.score || (a.score === b.score && a.file < b.file) : !a.short;
      expect(inOrder, `${a.file} before ${b.file}`).toBe(true);
    }
    expect(ranking.every((entry) => entry.short === entry.words < MIN_WORDS)).toBe(true);
  });

  it('totals are the sums of the documents; rates are per 1,000 words', () => {
    const documents = results.filter((r): r is CorpusDocument => !isCorpusFailure(r));
    const { total } = summarizeCorpus(results, { includeShort: true });
    const words = documents.reduce((sum, d) => sum + d.words, 0);
    const surveillance = documents.reduce((sum, d) => sum + d.categories.surveillance.count, 0);
    expect(total.words).toBe(words);
    expect(total.findings).toBe(documents.reduce((sum, d) => sum + d.findings.length, 0));
    expect(total.categories.surveillance.count).toBe(surveillance);
    expect(total.categories.surveillance.rate).toBeCloseTo((1000 * surveillance) / words, 3);
  });

  it('groups by first folder by default, by a metadata field on request, and by year; an empty file counts in none', () => {
    const byFolder = summarizeCorpus(results, { includeShort: true });
    expect(byFolder.empty).toBe(1);
    expect(byFolder.groups.map((g) => [g.key, g.documents])).toEqual([['grenoble', 4], ['lyon', 5], [null, 1]]);
    const byCity = summarizeCorpus(results, { groupBy: 'city', includeShort: true });
    expect(byCity.groupBy).toBe('city');
    expect(byCity.groups.map((g) => [g.key, g.documents])).toEqual([['Grenoble', 2], ['Lyon', 2], [null, 6]]);
    expect(byFolder.years.map((g) => [g.key, g.documents])).toEqual([['2021', 1], ['2022', 1], ['2023', 2], [null, 6]]);
  });

  it('leaves documents under MIN_WORDS words out of the group figures by default, and keeps them in the ranking, flagged and after the others', () => {
    const documents = results.filter((r): r is CorpusDocument => !isCorpusFailure(r) && r.empty !== true);
    const short = documents.filter((d) => d.words < MIN_WORDS);
    expect(short.length).toBeGreaterThan(0);
    const summary = summarizeCorpus(results);
    expect(summary.short).toBe(short.length);
    // The corpus's total counts them; the groups and years do not.
    expect(summary.total.documents).toBe(documents.length);
    expect(summary.total.words).toBe(documents.reduce((sum, d) => sum + d.words, 0));
    expect(summary.groups.reduce((sum, g) => sum + g.documents, 0)).toBe(documents.length - short.length);
    expect(summary.years.reduce((sum, g) => sum + g.documents, 0)).toBe(documents.length - short.length);
    // In the ranking all the same: flagged, after every document long enough to be measured.
    const flags = summary.ranking.filter((line) => line.empty !== true).map((line) => line.short);
    expect(flags.filter(Boolean)).toHaveLength(short.length);
    expect(flags).toEqual([...flags].sort((a, b) => Number(a) - Number(b)));
    const included = summarizeCorpus(results, { includeShort: true });
    expect([included.short, included.groups.reduce((sum, g) => sum + g.documents, 0)]).toEqual([0, documents.length]);
    expect(included.ranking).toEqual(summary.ranking);
  });

  it('does not depend on the order of the records, and takes lean records', () => {
    const forward = summarizeCorpus(results);
    expect(summarizeCorpus([...results].reverse())).toEqual(forward);
    const lean = results.map(leanResult);
    expect(lean.every((r) => !('tokens' in r))).toBe(true);
    expect(summarizeCorpus(lean)).toEqual(forward);
  });

  it('an empty run has zero figures', () => {
    const summary = summarizeCorpus([]);
    expect([summary.files, summary.ranking, summary.groups, summary.total.score]).toEqual([0, [], [], { mean: 0, median: 0, max: 0 }]);
  });
});

describe('CorpusError', () => {
  it('is a NovlangueError with a code and the file', () => {
    const error = new CorpusError('EBINARY', 'a.txt', 'binary');
    expect(error).toBeInstanceOf(NovlangueError);
    expect([error.code, error.file, error.message]).toEqual(['EBINARY', 'a.txt', 'a.txt: binary']);
  });

  it('the PDF fixture is a real PDF with an xref table', () => {
    const pdf = readFileSync(path.join(fixture.corpus, 'lyon/plan.pdf'), 'latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf).toMatch(/startxref\n\d+\n%%EOF\n$/);
  });
});
