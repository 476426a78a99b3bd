/**
 * The command line in scripts, on the built executable (`node dist/cli/index.js`): inputs that
 * name nothing and mistyped commands exit 2, the format follows `-o`'s extension, standard
 * input is a document, and a run with `-o` says what it wrote.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { meantCommand } from '../src/cli/inputs.js';
import { FORMAT_OF_OUTPUT } from '../src/cli/settings.js';
import { progressBar } from '../src/cli/progress.js';

const BIN = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));
const PROMO = 'La smart city de Valmont devient une ville intelligente, connectée et résiliente, grâce à l’hyperviseur urbain.\n';

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'novlangue-cli-safety-'));
  mkdirSync(path.join(root, 'textes'));
  writeFileSync(path.join(root, 'textes', 'communique.txt'), PROMO);
  writeFileSync(path.join(root, 'textes', 'avis.txt'), 'La médiathèque sera fermée le lundi 3 juin pour inventaire.\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function novlangue(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args, '--jobs', '1', '--no-config'], { cwd: root, encoding: 'utf8', input, env: { PATH: process.env['PATH'] ?? '' }, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('inputs that name nothing', () => {
  it('a missing folder exits 2 and names it, with nothing on stdout', () => {
    const run = novlangue(['nope/']);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toMatch(/^novlangue: no such file or folder: nope\/\./);
  });

  it('a glob that matches nothing exits 2 and names it', () => {
    const run = novlangue(['textes/**/*.odt']);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain('no file matches the glob "textes/**/*.odt"');
  });

  it('a glob that matches files runs as before', () => {
    expect(novlangue(['textes/*.txt', '-q']).status).toBe(0);
  });

  it('one missing path among others still stops the run, naming it', () => {
    const run = novlangue(['textes', 'absent.txt']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no such file or folder: absent.txt');
  });

  it('a typo of a command says which command was meant, exit 2', () => {
    const run = novlangue(['rulez']);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain('"rulez" is neither a file nor a command; did you mean rules?');
  });

  it('a file named like a command is read as a file', () => {
    writeFileSync(path.join(root, 'rulez'), PROMO);
    try {
      expect(novlangue(['rulez', '-q']).status).toBe(0);
    } finally {
      rmSync(path.join(root, 'rulez'));
    }
  });

  it('suggests only close commands', () => {
    expect(meantCommand('explian', ['explain', 'rules', 'validate'])).toBe('explain');
    expect(meantCommand('valdate', ['explain', 'rules', 'validate'])).toBe('validate');
    expect(meantCommand('corpus', ['explain', 'rules', 'validate'])).toBeUndefined();
    expect(meantCommand('docs/', ['explain', 'rules', 'validate'])).toBeUndefined();
  });
});

describe('-o without -f: the format of the extension', () => {
  it.each([
    ['report.csv', (text: string) => text.startsWith('file,folder,')],
    ['report.json', (text: string) => Array.isArray((JSON.parse(text) as { results: unknown[] }).results)],
    ['report.jsonl', (text: string) => text.trimEnd().split('\n').every((line) => typeof (JSON.parse(line) as { file: string }).file === 'string')],
    ['report.md', (text: string) => text.startsWith('#')],
    ['report.html', (text: string) => /^<!DOCTYPE html>/i.test(text)],
    ['report.txt', (text: string) => text.startsWith('novlangue: ')],
  ])('%s', (file, looksRight) => {
    const run = novlangue(['textes', '-o', file]);
    expect(run.status).toBe(0);
    expect(looksRight(readFileSync(path.join(root, file), 'utf8'))).toBe(true);
  });

  it('-f still wins over the extension', () => {
    expect(novlangue(['textes', '-o', 'report-as-json.csv', '-f', 'json']).status).toBe(0);
    expect(() => JSON.parse(readFileSync(path.join(root, 'report-as-json.csv'), 'utf8'))).not.toThrow();
  });

  it('knows the extensions of every report format', () => {
    expect(new Set(Object.values(FORMAT_OF_OUTPUT))).toEqual(new Set(['csv', 'json', 'jsonl', 'md', 'html', 'text']));
  });
});

describe('after a run with -o', () => {
  it('one line on stderr says what was written where: documents, findings, time', () => {
    const run = novlangue(['textes', '-o', 'out.jsonl']);
    const findings = readFileSync(path.join(root, 'out.jsonl'), 'utf8').trimEnd().split('\n').reduce((sum, line) => sum + (JSON.parse(line) as { findings: unknown[] }).findings.length, 0);
    expect(findings).toBeGreaterThan(0);
    expect(run.stderr).toMatch(new RegExp(`^novlangue: wrote out\\.jsonl \\(jsonl\\): 2 documents, ${findings} findings, in \\d+\\.\\d s\\.\\n$`));
  });

  it('--quiet leaves stderr empty', () => {
    expect(novlangue(['textes', '-o', 'out.csv', '-q']).stderr).toBe('');
  });
});

describe('standard input: `-`', () => {
  it('is read as one document named -', () => {
    const run = novlangue(['-', '-f', 'jsonl'], PROMO);
    expect(run.status).toBe(0);
    const record = JSON.parse(run.stdout) as { file: string; format: string; findings: Array<{ ruleId: string }> };
    expect([record.file, record.format]).toEqual(['-', 'txt']);
    expect(record.findings.map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(['fr.smart-city', 'fr.ville-intelligente']));
  });

  it('gives the same findings as the same text in a file', () => {
    const fromFile = JSON.parse(novlangue(['textes/communique.txt', '-f', 'jsonl']).stdout) as { score: number; findings: unknown[] };
    const fromStdin = JSON.parse(novlangue(['-', '-f', 'jsonl'], PROMO).stdout) as { score: number; findings: unknown[] };
    expect([fromStdin.score, fromStdin.findings]).toEqual([fromFile.score, fromFile.findings]);
  });

  it('an HTML page on standard input is read as a page', () => {
    const run = novlangue(['-', '-f', 'jsonl'], `<!DOCTYPE html><html><head><title>Valmont</title></head><body><nav>Accueil</nav><p>${PROMO}</p></body></html>`);
    const record = JSON.parse(run.stdout) as { format: string; meta: { title?: string } };
    expect([record.format, record.meta.title]).toEqual(['html', 'Valmont']);
  });

  it('- is read alone', () => {
    const run = novlangue(['-', 'textes'], PROMO);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('`-` (standard input) is read alone');
  });
});

describe('no input could be read', () => {
  it('exits 2 when every listed file failed, and says so', () => {
    mkdirSync(path.join(root, 'illisibles'), { recursive: true });
    writeFileSync(path.join(root, 'illisibles', 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]));
    writeFileSync(path.join(root, 'illisibles', 'lettre.docx'), 'PK');
    const run = novlangue(['illisibles', '-f', 'jsonl']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^novlangue: no input could be read: all 2 files failed \(EBINARY 1, EFORMAT 1\); see their records in the report\.$/m);
    // The failure records are still written: they say why.
    expect(run.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { error: { code: string } }).error.code)).toEqual(['EBINARY', 'EFORMAT']);
  });

  it('one readable file among failures is a run: exit 0', () => {
    const run = novlangue(['illisibles', 'textes/avis.txt', '-f', 'jsonl']);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('no input could be read');
  });
});

describe('a sidecar that no document reads', () => {
  it('is one warning line on stderr naming it; the run goes on', () => {
    mkdirSync(path.join(root, 'orphelin'), { recursive: true });
    writeFileSync(path.join(root, 'orphelin', 'communique.txt'), PROMO);
    writeFileSync(path.join(root, 'orphelin', 'ancien-rapport.meta.json'), '{"city": "Valmont"}');
    const run = novlangue(['orphelin', '-f', 'jsonl']);
    expect(run.status).toBe(0);
    expect(run.stderr.split('\n').filter((line) => line.includes('meta.json'))).toEqual([
      'novlangue: warning: orphelin/ancien-rapport.meta.json is the metadata of no document: no ancien-rapport.txt, .md, .html or .pdf next to it, so it is not read.',
    ]);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
  });
});

describe('--include-short', () => {
  it('short documents are out of the group figures unless --include-short', () => {
    type Summary = { summary: { total: { documents: number }; groups: Array<{ documents: number }>; short: number; ranking: Array<{ short: boolean }> } };
    const without = JSON.parse(novlangue(['textes', '-f', 'json']).stdout) as Summary;
    const with_ = JSON.parse(novlangue(['textes', '-f', 'json', '--include-short']).stdout) as Summary;
    const grouped = (summary: Summary['summary']): number => summary.groups.reduce((sum, group) => sum + group.documents, 0);
    expect([without.summary.total.documents, grouped(without.summary), without.summary.short]).toEqual([2, 0, 2]);
    expect([with_.summary.total.documents, grouped(with_.summary), with_.summary.short]).toEqual([2, 2, 0]);
    expect(without.summary.ranking.map((line) => line.short)).toEqual([true, true]);
  });
});

describe('progress of a run of one file', () => {
  it('is a spinner with the elapsed time and the input\'s name, not a bar stuck at 0 %; erased when done', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const progress = progressBar(true);
      progress.start(1, 'rapport-annuel.pdf');
      await new Promise((resolve) => setTimeout(resolve, 250));
      progress.tick('rapport-annuel.pdf');
      progress.stop();
      const after = written.length;
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(written.length).toBe(after); // stopped: no more redraws
    } finally {
      spy.mockRestore();
    }
    const lines = written.slice(0, -1);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/^\r\x1b\[2Knovlangue . analysing rapport-annuel\.pdf {2}\d+\.\d s elapsed$/);
    expect(lines.join('')).not.toContain('%');
    expect(written.at(-1)).toBe('\r\x1b[2K');
  });
});
