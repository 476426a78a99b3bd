/**
 * `novlangue terms`: the frequency list per rule, per surface form and per category, in all and
 * per group of a built-in or metadata field.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_FIELDS, fieldValue, formatTerms, termFrequencies, type TermFrequencies } from 'novlangue';
import { CORPUS_ARG, novlangue } from './fixtures/toolbox/cli.js';
import { readToolboxCorpus, recordOf } from './fixtures/toolbox/records.js';

describe('the frequency list', () => {
  const first = recordOf('La ville intelligente arrive. Les Villes  Intelligentes se multiplient.', { file: 'a.txt', meta: { city: 'Valmer' } });
  const second = recordOf('On nous vend la « ville intelligente » : ce slogan masque la surveillance des habitants.', { file: 'b.txt', meta: { city: 'Bréhat' } });

  it('counts each rule: findings, in the author\'s voice, documents, rate per 1,000 words', () => {
    const frequencies = termFrequencies([first, second]);
    const row = frequencies.total.rules.find((r) => r.key === 'fr.ville-intelligente')!;
    const findings = [first, second].flatMap((document) => document.findings.filter((f) => f.ruleId === 'fr.ville-intelligente'));
    const words = first.words + second.words;
    expect(row).toEqual({
      key: 'fr.ville-intelligente',
      kind: 'rule',
      category: 'intelligence',
      ruleIds: ['fr.ville-intelligente'],
      count: findings.length,
      use: findings.filter((f) => f.stance === 'use').length,
      documents: 2,
      rate: Math.round((1000 * findings.length * 1000) / words) / 1000,
    });
    expect(frequencies.total).toMatchObject({ key: null, documents: 2, words });
  });

  it('counts surface forms lower-cased and whitespace folded', () => {
    const forms = termFrequencies([first]).total.forms.map((row) => [row.key, row.count]);
    expect(forms).toContainEqual(['ville intelligente', 1]);
    expect(forms).toContainEqual(['villes intelligentes', 1]);
  });

  it('--voice use counts only the findings in the author\'s voice', () => {
    const all = termFrequencies([second]).total.rules.find((r) => r.key === 'fr.ville-intelligente');
    const use = termFrequencies([second], { voice: 'use' }).total.rules.find((r) => r.key === 'fr.ville-intelligente');
    expect(second.findings.find((f) => f.ruleId === 'fr.ville-intelligente')?.stance).not.toBe('use');
    expect(all?.count).toBe(1);
    expect(use).toBeUndefined();
  });

  it('--by a metadata field: one list per value, sorted, documents without it last', () => {
    const third = recordOf('Un texte sans ville.', { file: 'c.txt' });
    const frequencies = termFrequencies([first, second, third], { by: 'city' });
    expect(frequencies.groups.map((group) => [group.key, group.documents])).toEqual([['Bréhat', 1], ['Valmer', 1], [null, 1]]);
  });

  it('--by a built-in field: lang, format, reading, folder, which a metadata field of the same name does not shadow', async () => {
    expect(BUILTIN_FIELDS).toEqual(['lang', 'format', 'reading', 'folder']);
    const { documents } = await readToolboxCorpus();
    const tribune = documents.find((document) => document.file.endsWith('tribune.txt'))!;
    expect(tribune.meta['lang']).toBe('xx');
    expect([fieldValue(tribune, 'lang'), fieldValue(tribune, 'format'), fieldValue(tribune, 'reading'), fieldValue(tribune, 'folder'), fieldValue(tribune, 'kind')]).toEqual(['fr', 'txt', 'critical', 'critique', 'tribune']);
    expect(termFrequencies(documents, { by: 'format' }).groups.map((group) => group.key)).toEqual(['md', 'txt']);
  });

  it('text: the top rows of each table, every category', () => {
    const text = formatTerms(termFrequencies([first, second]), 'text', { top: 1 });
    expect(text).toMatch(/^Surface forms \(lexicon terms\) \(top 1 of [2-9]\d*\)$/m);
    expect(text).toContain('Categories\n');
  });
});

describe('novlangue terms', () => {
  it('--by folder --format json: the lists, and the file that could not be read', () => {
    const run = novlangue('terms', CORPUS_ARG, '--by', 'folder', '--format', 'json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as TermFrequencies & { failures: Array<{ file: string; error: { code: string } }> };
    expect(report.by).toBe('folder');
    expect(report.groups.map((group) => [group.key, group.documents])).toEqual([['critique', 1], ['promo', 2]]);
    expect(report.failures).toEqual([expect.objectContaining({ file: `${CORPUS_ARG}/critique/casse.pdf`, error: expect.objectContaining({ code: 'EPDF_PARSE' }) })]);
    expect(run.stderr).toContain('casse.pdf');
  });

  it('--format csv: one row per item and scope', () => {
    const run = novlangue('terms', CORPUS_ARG, '--by', 'reading', '--format', 'csv', '-q');
    const lines = run.stdout.split('\r\n');
    expect(lines[0]).toBe('scope,group,kind,key,category,rule_ids,count,use,documents,rate_per_1000,scope_documents,scope_words');
    expect(lines.some((line) => line.startsWith('reading,promotional,rule,fr.ville-intelligente,intelligence,'))).toBe(true);
    expect(run.stderr).toBe('');
  });
});
