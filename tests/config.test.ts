/**
 * `novlangue.config.json`: found from the working folder upward, checked like data (unknown
 * keys and wrong types are errors naming the file and the key), and overridden by the command
 * line. The process tests run the built executable (`node dist/cli/index.js`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConfig, findConfig } from '../src/config/load.js';
import { ConfigError } from '../src/config/errors.js';

const BIN = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'novlangue-config-'));
  mkdirSync(path.join(root, 'projet', 'textes', 'brouillons'), { recursive: true });
  writeFileSync(path.join(root, 'projet', 'textes', 'budget.txt'), 'Le budget participatif de Valmont finance douze projets de quartier. La smart city avance.\n');
  writeFileSync(path.join(root, 'projet', 'textes', 'brouillons', 'jet.txt'), 'Une ville intelligente.\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const write = (config: unknown): void => writeFileSync(path.join(root, 'projet', 'novlangue.config.json'), typeof config === 'string' ? config : JSON.stringify(config));

function novlangue(args: string[], cwd = path.join(root, 'projet')): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args, '--jobs', '1'], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' }, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const records = (stdout: string): Array<{ file: string; findings: Array<{ ruleId: string }> }> => stdout.trimEnd().split('\n').map((line) => JSON.parse(line));

describe('loading and checking', () => {
  it('is found in the working folder or a folder above it', () => {
    write({ top: 3 });
    const file = path.join(root, 'projet', 'novlangue.config.json');
    expect(findConfig(path.join(root, 'projet', 'textes', 'brouillons'))).toBe(file);
    expect(findConfig(root)).toBeUndefined();
  });

  it('unknown keys are errors naming the file and the key, with the keys it knows', () => {
    expect(() => checkConfig({ groupby: 'city' }, 'novlangue.config.json')).toThrow(/^novlangue\.config\.json: "groupby": unknown key; expected one of .*"groupBy"/);
    expect(() => checkConfig({ lexicons: { de: 'x.json' } }, 'c.json')).toThrow(/^c\.json: "lexicons\.de": unknown key; expected one of "fr", "en"/);
  });

  it('wrong types are errors naming the key and the type expected', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ top: '5' }, /"top": must be an integer/],
      [{ disable: 'fr.smart-city' }, /"disable": must be an array/],
      [{ disable: ['smart-city'] }, /"disable\.0": must be a rule id/],
      [{ format: 'xml' }, /"format": must be one of "text", "json"/],
      [[], /must be an object/],
    ];
    for (const [data, message] of cases) {
      expect(() => checkConfig(data, 'c.json')).toThrow(ConfigError);
      expect(() => checkConfig(data, 'c.json')).toThrow(message);
    }
  });

  it('paths are relative to the config file', () => {
    const config = checkConfig({ weights: 'poids.json', lexicons: { fr: 'lex/fr.json' } }, '/srv/corpus/novlangue.config.json');
    expect([config.weights, config.lexicons?.fr]).toEqual(['/srv/corpus/poids.json', '/srv/corpus/lex/fr.json']);
  });
});

describe('a run with a config file', () => {
  it('applies disabled rules (out of the findings), excluded globs and the format', () => {
    write({ disable: ['fr.budget-participatif'], exclude: ['**/brouillons/**'], format: 'jsonl' });
    const run = novlangue(['textes']);
    expect(run.status).toBe(0);
    const found = records(run.stdout);
    expect(found.map((record) => record.file)).toEqual(['textes/budget.txt']);
    expect(found[0]!.findings.map((finding) => finding.ruleId)).not.toContain('fr.budget-participatif');
    expect(found[0]!.findings.map((finding) => finding.ruleId)).toContain('fr.smart-city');
  });

  it('applies groupBy and weights, the weights file read from the config file\'s folder', () => {
    writeFileSync(path.join(root, 'projet', 'poids.json'), JSON.stringify({ weights: { fr: { participation: 0, buzzwords: 0, intelligence: 0 } } }));
    write({ format: 'json', groupBy: 'city' });
    const plain = JSON.parse(novlangue(['textes', '-q']).stdout) as { summary: { groupBy: string; total: { score: { max: number } } } };
    write({ format: 'json', groupBy: 'city', weights: 'poids.json' });
    const weighted = JSON.parse(novlangue(['textes', '-q']).stdout) as typeof plain;
    expect([plain.summary.groupBy, weighted.summary.groupBy]).toEqual(['city', 'city']);
    expect(weighted.summary.total.score.max).toBeLessThan(plain.summary.total.score.max);
  });

  it('a lexicon per language serves, in a run in auto, the documents of its language', () => {
    mkdirSync(path.join(root, 'projet', 'bilingue'), { recursive: true });
    writeFileSync(path.join(root, 'projet', 'bilingue', 'fr.txt'), 'Le conseil a voté l’installation de la borne Zéphyr pour les démarches des habitants du quartier, au printemps prochain.\n');
    writeFileSync(path.join(root, 'projet', 'bilingue', 'en.txt'), 'The council voted to install the Zephyr kiosk for the paperwork of the residents of the district, next spring.\n');
    const entry = (id: string, pattern: string) => ({ id, category: 'management', patterns: [pattern], weight: 1, note: 'Une entrée de test, pour vérifier qu’un lexique sert sa langue.', section: 'SILENCE ET NON-DITS' });
    writeFileSync(path.join(root, 'projet', 'lex-fr.json'), JSON.stringify({ lang: 'fr', entries: [entry('borne-test', 'borne zéphyr')] }));
    writeFileSync(path.join(root, 'projet', 'lex-en.json'), JSON.stringify({ lang: 'en', entries: [entry('kiosk-test', 'zephyr kiosk')] }));
    write({ format: 'jsonl', lang: 'auto', lexicons: { fr: 'lex-fr.json', en: 'lex-en.json' } });
    const found = records(novlangue(['bilingue', '-q']).stdout).map((record) => [record.file, record.findings.map((finding) => finding.ruleId).filter((id) => id.endsWith('-test'))]);
    expect(found).toEqual([['bilingue/en.txt', ['en.kiosk-test']], ['bilingue/fr.txt', ['fr.borne-test']]]);
  });

  it('is found from a subfolder too', () => {
    write({ format: 'jsonl', exclude: ['**/brouillons/**'] });
    const run = novlangue(['.'], path.join(root, 'projet', 'textes'));
    expect(records(run.stdout).map((record) => record.file)).toEqual(['budget.txt']);
  });

  it('options on the command line win over the file', () => {
    write({ format: 'jsonl', top: 1 });
    const run = novlangue(['textes', '-f', 'csv']);
    expect(run.stdout.startsWith('file,folder,')).toBe(true);
  });

  it('--no-config ignores it, --config FILE reads another one', () => {
    write({ format: 'jsonl' });
    expect(novlangue(['textes', '--no-config', '-q']).stdout.startsWith('novlangue: ')).toBe(true);
    writeFileSync(path.join(root, 'autre.json'), JSON.stringify({ format: 'csv' }));
    expect(novlangue(['textes', '--config', path.join(root, 'autre.json')]).stdout.startsWith('file,folder,')).toBe(true);
  });

  it('an invalid config stops the run with exit 2, naming the file and the key', () => {
    write({ format: 'jsonl', groupby: 'city' });
    const run = novlangue(['textes']);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain(`${path.join(root, 'projet', 'novlangue.config.json')}: "groupby": unknown key`);
  });

  it('a config that is not JSON says so', () => {
    write('{ "format": "jsonl", }');
    const run = novlangue(['textes']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/novlangue\.config\.json: not valid JSON/);
  });

  it('a missing --config file is exit 2 naming it', () => {
    const run = novlangue(['textes', '--config', 'absent.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('absent.json: cannot read the config file (ENOENT)');
    expect(readFileSync(path.join(root, 'projet', 'novlangue.config.json'), 'utf8')).toContain('format');
  });
});
