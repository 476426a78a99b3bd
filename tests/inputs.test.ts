/**
 * What a document contributes before it is analysed: the article of an HTML page and what the
 * page says about itself, Markdown without its code and with its table rows apart, metadata
 * problems as warnings, empty files set apart, and `novlangue-disable` comments.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../src/corpus/corpus.js';
import { summarizeCorpus } from '../src/corpus/summary.js';
import { markDirectives, placeDirectives } from '../src/documents/directives.js';
import { readDocument } from '../src/documents/index.js';
import { misnamedSidecars } from '../src/documents/meta.js';
import { pdfDate } from '../src/documents/pdf-info.js';
import { yearInName } from '../src/documents/name-year.js';
import { titleOf } from '../src/report/facts.js';
import { pdfWithInfo } from './fixtures/inputs/pdf-info.js';
import { isCorpusFailure, type CorpusDocument, type CorpusResult, type CorpusWarning } from '../src/records.js';
import type { CorpusOptions } from '../src/corpus/types.js';

const FIXTURES = new URL('./fixtures/inputs/', import.meta.url);
const fixture = (name: string): string => new URL(name, FIXTURES).pathname;

async function records(paths: string | string[], options: CorpusOptions = {}): Promise<CorpusDocument[]> {
  const out: CorpusResult[] = [];
  for await (const record of analyzeCorpus(paths, { lang: 'fr', ...options })) out.push(record);
  return out.filter((record): record is CorpusDocument => !isCorpusFailure(record));
}

const temporary = mkdtempSync(path.join(os.tmpdir(), 'novlangue-inputs-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

describe('HTML pages: the article, not the page around it', () => {
  it('a page with a cookie banner, site header, share buttons and an "À lire aussi" aside yields findings only from its article', async () => {
    const [page] = await records(fixture('article-avec-bandeaux.html'));
    for (const around of ['cookies', 'Accueil', 'Partager', 'À lire aussi', 'hyperviseur', 'territoire intelligent']) expect(page!.text).not.toContain(around);
    expect(page!.text).toContain('Le marché couvert de la place Carnot ouvrira le mardi 12 mars');
    expect(page!.findings.map((finding) => finding.actual)).toEqual([]);
  });

  it('keeps the headline, which Readability drops when it repeats the title', async () => {
    const { text } = await readDocument(fixture('article-avec-bandeaux.html'));
    expect(text.split('\n')[0]).toBe('Le nouveau marché couvert ouvre ses portes');
  });

  it('reads og:title, article:published_time, author and description as metadata, so the page has a title and a year', async () => {
    const [page] = await records(fixture('article-avec-bandeaux.html'));
    expect(page!.meta).toEqual({
      title: 'Le nouveau marché couvert ouvre ses portes',
      date: '2024-03-05T09:30:00+01:00',
      author: 'Service communication de Valmont',
      description: 'Le marché couvert de la place Carnot ouvre le 12 mars.',
      lang: 'fr',
    });
    expect(summarizeCorpus([page!]).ranking[0]!.year).toBe(2024);
  });

  it('falls back on the cleaned page when there is no article to find, and reads <title> and <meta name="date">', async () => {
    const document = await readDocument(fixture('page-sans-article.html'));
    expect(document.text).toBe('Mairie ouverte du lundi au vendredi.');
    expect(document.meta).toEqual({ title: 'Horaires', date: '2023-09-01', lang: 'fr' });
  });

  it('a <time datetime> gives the date when no <meta> does', async () => {
    const file = path.join(temporary, 'time.html');
    writeFileSync(file, '<html><body><article><h1>Travaux</h1><p>Publié le <time datetime="2021-06-30">30 juin</time>. La rue des Tanneurs est fermée du 1er au 15 juillet pour des travaux de voirie, la déviation passe par le quai.</p></article></body></html>');
    expect((await readDocument(file)).meta).toEqual({ title: 'Travaux', date: '2021-06-30' });
  });
});

describe('Markdown: code is not prose, a table row is a sentence', () => {
  it('leaves fenced and inline code out of the text (no smartCity finding)', async () => {
    const [note] = await records(fixture('markdown/code-et-tableau.md'));
    expect(note!.text).not.toMatch(/smartCity|SmartCity|hyperviseur/);
    expect(note!.findings).toEqual([]);
  });

  it('makes each table row a sentence of its own, its cells on lines of their own', async () => {
    const [note] = await records(fixture('markdown/code-et-tableau.md'));
    expect(note!.text).toContain('Piscine\n9 h\n\nMédiathèque\n10 h');
    const rows = note!.sentences.map((sentence) => note!.text.slice(sentence.range[0], sentence.range[1]));
    expect(rows).toEqual(expect.arrayContaining(['Piscine\n9 h', 'Médiathèque\n10 h']));
  });
});

describe('metadata problems are warnings, not lost documents', () => {
  it('a YAML typo in the front matter: the text is analysed, the record says which file, which line, what is wrong', async () => {
    const [note] = await records(fixture('markdown/front-matter-casse.md'));
    expect(note!.findings.map((finding) => finding.ruleId)).toContain('fr.smart-city');
    expect(note!.meta).toEqual({});
    expect(note!.warnings).toEqual([{ code: 'EFRONTMATTER', message: expect.stringMatching(/front-matter-casse\.md, line \d: front matter is not valid YAML \(.+\)/) }]);
  });

  it('a sidecar named after the file with its extension gets a warning on that file', async () => {
    const [record] = await records(fixture('sidecars'));
    expect(record!.meta).toEqual({});
    expect(record!.warnings).toEqual([{ code: 'ESIDECAR', message: expect.stringContaining('compte-rendu.txt.meta.json is not read as the metadata of') }]);
    expect(record!.warnings![0]!.message).toContain('rename it compte-rendu.meta.json');
  });

  it('near-miss sidecars: another case, a typo; a sidecar with its document is no warning', () => {
    const names = ['Rapport.meta.json', 'rapport.pdf', 'plann.meta.json', 'plan.html', 'note.md', 'note.meta.json'];
    const warnings = misnamedSidecars(names, (name) => !name.endsWith('.json'), 'ville');
    expect([...warnings.keys()].sort()).toEqual(['plan.html', 'rapport.pdf']);
    expect(warnings.get('rapport.pdf')!.message).toMatch(/^ville\/Rapport\.meta\.json is not read as the metadata of ville\/rapport\.pdf/);
  });
});

describe('what a document says of itself: title, date, year, language', () => {
  const write = (name: string, bytes: string | Buffer): string => {
    const file = path.join(temporary, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    return file;
  };
  const LINES = ['La ville intelligente de Valmont publie son rapport annuel.'];

  it('a PDF gives its Info Title as the title and its CreationDate as the date and year', async () => {
    const { meta } = await readDocument(write('pdf/rapport.pdf', pdfWithInfo(LINES, { Title: 'Rapport annuel (smart city)', CreationDate: "D:20190315093000+01'00'" })));
    expect(meta).toEqual({ title: 'Rapport annuel (smart city)', date: '2019-03-15', year: 2019 });
  });

  it('a PDF sidecar wins: its date replaces the PDF date and year together, its title the PDF title', async () => {
    const file = write('pdf/bilan.pdf', pdfWithInfo(LINES, { Title: 'Sans titre', CreationDate: 'D:20230102' }));
    write('pdf/bilan.meta.json', JSON.stringify({ title: 'Bilan de mandat', date: '2020-06-30' }));
    const [record] = await records(file);
    expect(record!.meta).toEqual({ title: 'Bilan de mandat', date: '2020-06-30' });
    expect(summarizeCorpus([record!]).ranking[0]!.year).toBe(2020);
  });

  it('a PDF without Info has no title or date from it; a broken CreationDate gives no date', async () => {
    expect((await readDocument(write('pdf/nu.pdf', pdfWithInfo(LINES, {})))).meta).toEqual({});
    expect((await readDocument(write('pdf/date-fausse.pdf', pdfWithInfo(LINES, { CreationDate: 'hier' })))).meta).toEqual({});
    expect([pdfDate('D:2019'), pdfDate('D:201913'), pdfDate('D:20190700')]).toEqual([
      { date: '2019', year: 2019 },
      { date: '2019', year: 2019 },
      { date: '2019', year: 2019 },
    ]);
    expect(pdfDate('D:201907')).toEqual({ date: '2019-07', year: 2019 });
  });

  it('a year in the file name is the year when no metadata gives one', async () => {
    expect((await readDocument(write('noms/2021-communique.txt', 'La ville intelligente.'))).meta).toEqual({ year: 2021 });
    expect((await readDocument(write('noms/rapport_2019.pdf', pdfWithInfo(LINES, {})))).meta).toEqual({ year: 2019 });
    // The PDF's own date comes first, and so does a sidecar's.
    expect((await readDocument(write('noms/bilan-2015.pdf', pdfWithInfo(LINES, { CreationDate: 'D:20160101' })))).meta['year']).toBe(2016);
    write('noms/note-2012.meta.json', JSON.stringify({ date: '14 juillet 2013' }));
    expect((await readDocument(write('noms/note-2012.txt', 'Une note.'))).meta).toEqual({ date: '14 juillet 2013' });
  });

  it('a year in a name is four digits from 1900 to 2099, with no digit on either side; folders are not read', () => {
    const cases = { '2021-communique.txt': 2021, 'rapport_2019.pdf': 2019, 'bilan.1998.md': 1998, '20210315-note.txt': undefined, 'plan-12019.txt': undefined, 'an-1850.txt': undefined, 'an-2100.txt': undefined, 'note.txt': undefined, '2020/note.txt': undefined };
    expect(Object.fromEntries(Object.keys(cases).map((name) => [name, yearInName(name)]))).toEqual(cases);
  });

  it('<html lang> is the page’s lang field (recorded: the analysis still detects the language from the text)', async () => {
    const page = write('pages/en.html', '<!DOCTYPE html><html lang="en-GB"><head><title>Smart city</title></head><body><p>La ville intelligente.</p></body></html>');
    const [record] = await records(page, { lang: 'auto' });
    expect(record!.meta['lang']).toBe('en-GB');
    expect(record!.lang).toBe('fr');
    const content = write('pages/meta.html', '<html><head><meta http-equiv="Content-Language" content="fr"></head><body><p>Bonjour.</p></body></html>');
    expect((await readDocument(content)).meta).toEqual({ lang: 'fr' });
  });

  it('the front matter title is the document’s name in the reports; without one, the file name is', async () => {
    const titled = write('titres/cr.md', '---\ntitle: Conseil municipal du 3 juin\n---\nLa ville intelligente.\n');
    const untitled = write('titres/sans-titre.md', 'La ville intelligente.\n');
    const [a, b] = await records([titled, untitled]);
    expect(a!.meta['title']).toBe('Conseil municipal du 3 juin');
    expect([titleOf(a!), titleOf(b!)]).toEqual(['Conseil municipal du 3 juin', 'sans-titre']);
  });
});

describe('a sidecar that no document reads', () => {
  it('is a warning of the run (onWarning), naming the file, as it has no record to go on', async () => {
    const folder = path.join(temporary, 'orphelins');
    mkdirSync(path.join(folder, 'lyon'), { recursive: true });
    writeFileSync(path.join(folder, 'lyon', 'bilan.txt'), 'Le bilan de la ville.');
    writeFileSync(path.join(folder, 'lyon', 'bilan.meta.json'), '{"city": "Lyon"}');
    writeFileSync(path.join(folder, 'lyon', 'ancien-communique.meta.json'), '{"city": "Lyon"}');
    writeFileSync(path.join(folder, 'lyon', 'bilanx.meta.json'), '{"city": "Lyon"}');
    const warnings: CorpusWarning[] = [];
    const results = await records(folder, { onWarning: (warning) => warnings.push(warning) });
    expect(results.map((record) => path.basename(record.file))).toEqual(['bilan.txt']);
    // bilan.meta.json is read; bilanx.meta.json is a near miss of a document that has its own.
    expect(warnings.map((warning) => [path.basename(warning.file), warning.code])).toEqual([
      ['ancien-communique.meta.json', 'ESIDECAR'],
      ['bilanx.meta.json', 'ESIDECAR'],
    ]);
    expect(warnings[0]!.message).toBe(`${warnings[0]!.file} is the metadata of no document: no ancien-communique.txt, .md, .html or .pdf next to it, so it is not read`);
    expect(warnings.every((warning) => warning.message.startsWith(warning.file))).toBe(true);
  });

  it('a misnamed sidecar stays a warning on its document’s record, not a warning of the run', async () => {
    const warnings: CorpusWarning[] = [];
    const [record] = await records(fixture('sidecars'), { onWarning: (warning) => warnings.push(warning) });
    expect(record!.warnings?.map((warning) => warning.code)).toEqual(['ESIDECAR']);
    expect(warnings).toEqual([]);
  });

  it('a sidecar left out by ignore globs gives no warning', async () => {
    const folder = path.join(temporary, 'orphelins-ignores');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'note.txt'), 'Une note.');
    writeFileSync(path.join(folder, 'vieux.meta.json'), '{}');
    const warnings: CorpusWarning[] = [];
    await records(folder, { onWarning: (warning) => warnings.push(warning), ignore: ['**/vieux.meta.json'] });
    expect(warnings).toEqual([]);
  });
});

describe('empty files', () => {
  it('are records flagged empty, ranked last and left out of the group figures', async () => {
    const results = await records([fixture('markdown/vide.md'), fixture('markdown/front-matter-casse.md')]);
    const empty = results.find((record) => record.file.endsWith('vide.md'))!;
    expect(empty.empty).toBe(true);
    const summary = summarizeCorpus(results, { includeShort: true });
    expect([summary.empty, summary.total.documents, summary.total.score.mean]).toEqual([1, 1, results.find((r) => !r.empty)!.score]);
    expect(summary.ranking.map((line) => [line.file.endsWith('vide.md'), line.empty ?? false])).toEqual([[false, false], [true, true]]);
  });
});

describe('inline suppression', () => {
  it('Markdown: disable … enable for one rule, and disable-next-line for every rule; counted apart, out of the score', async () => {
    const [suppressed] = await records(fixture('markdown/suppression.md'));
    expect(suppressed!.suppressed).toEqual([
      { ruleId: 'fr.budget-participatif', count: 2 },
      { ruleId: 'fr.smart-city', count: 1 },
      { ruleId: 'fr.ville-intelligente', count: 1 },
    ]);
    // The same text without its comments: every finding back, and a higher score.
    const bare = path.join(temporary, 'sans-commentaires.md');
    writeFileSync(bare, readFileSync(fixture('markdown/suppression.md'), 'utf8').replace(/<!--.*?-->\n/g, ''));
    const [plain] = await records(bare);
    expect(plain!.text).toBe(suppressed!.text);
    expect(plain!.findings.length).toBe(suppressed!.findings.length + 4);
    expect(plain!.score).toBeGreaterThan(suppressed!.score);
    const line = (offset: number): number => suppressed!.text.slice(0, offset).split('\n').length;
    // Line 1 (before the comments) and the last line (after the one covered) keep their findings.
    expect(suppressed!.findings.filter((f) => f.ruleId !== 'fr.participation-washing').map((f) => `${line(f.range[0])}:${f.ruleId}`)).toEqual(['1:fr.budget-participatif', `${line(suppressed!.text.length)}:fr.smart-city`]);
    for (const marker of ['<!--', 'novlangue-', '\ue000']) expect(suppressed!.text).not.toContain(marker);
  });

  it('HTML: a disabled rule inside the comments is counted as suppressed; the same rule before them is not', async () => {
    const [page] = await records(fixture('suppression.html'));
    expect(page!.suppressed).toEqual([{ ruleId: 'fr.budget-participatif', count: 1 }]);
    expect(page!.findings.filter((finding) => finding.ruleId === 'fr.budget-participatif').length).toBeGreaterThanOrEqual(1);
  });

  it('a rule disabled for the run fires nowhere and is counted as suppressed, and the score drops accordingly', async () => {
    const [before] = await records(fixture('markdown/front-matter-casse.md'));
    const [after] = await records(fixture('markdown/front-matter-casse.md'), { disable: ['fr.smart-city'] });
    expect(after!.findings.some((finding) => finding.ruleId === 'fr.smart-city')).toBe(false);
    expect(after!.suppressed).toEqual([{ ruleId: 'fr.smart-city', count: before!.findings.filter((f) => f.ruleId === 'fr.smart-city').length }]);
    expect(after!.score).toBeLessThan(before!.score);
  });

  it('disable-next-line covers the next line with text, wherever the comment ends its own line', () => {
    for (const source of ['Intro. <!-- novlangue-disable-next-line -->\nLa smart city.\nLa suite.', 'Intro.\n<!-- novlangue-disable-next-line -->\n\nLa smart city.\nLa suite.']) {
      const marked = markDirectives(source);
      const { text, suppressions } = placeDirectives(marked.source, marked.directives);
      expect(suppressions.map(({ range, rules }) => [text.slice(range[0], range[1]).trim(), rules])).toEqual([['La smart city.', null]]);
    }
  });

  it('every stretch lies inside the text and the markers leave no trace, whatever surrounds them', () => {
    for (const source of ['a <!-- novlangue-disable --> b', '<!-- novlangue-disable-next-line x.y -->', 'x\n<!-- novlangue-enable -->\n', '<!-- novlangue-disable', 'a <!-- autre --> b']) {
      const marked = markDirectives(source);
      const { text, suppressions } = placeDirectives(marked.source, marked.directives);
      expect(text).not.toMatch(/[\ue000\ue001]/);
      for (const { range } of suppressions) expect(0 <= range[0] && range[0] < range[1] && range[1] <= text.length).toBe(true);
    }
  });
});

describe('suppression comments, as a property', () => {
  const line = fc.stringMatching(/^[a-zà-ü ,.']{0,30}$/);
  const directive = fc.constantFrom('<!-- novlangue-disable -->', '<!-- novlangue-enable -->', '<!-- novlangue-disable-next-line fr.smart-city -->', '<!-- novlangue-disable fr.a, fr.b -->');

  it('comments on lines of their own leave the text as if they had never been there, and every stretch lies inside it', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(line.map((text) => ({ text, comment: false })), directive.map((text) => ({ text, comment: true }))), { maxLength: 12 }), (lines) => {
        const marked = markDirectives(lines.map((l) => l.text).join('\n'));
        const { text, suppressions } = placeDirectives(marked.source, marked.directives);
        const expected = lines.filter((l) => !l.comment).map((l) => l.text).join('\n');
        expect(text.trimEnd()).toBe(expected.trimEnd());
        expect(marked.directives).toHaveLength(lines.filter((l) => l.comment).length);
        for (const { range } of suppressions) expect(0 <= range[0] && range[0] < range[1] && range[1] <= text.length).toBe(true);
      }),
    );
  });
});
