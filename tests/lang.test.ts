import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { franc } from 'franc';
import { describe, expect, it } from 'vitest';
import { analyze, detectLanguage, segmentByLanguage, type Lang } from 'novlangue';
import { expectInvariants } from './helpers.js';
import { ESSAY, paragraph } from './fixtures/essay.js';
import { FRENCH_WITH_BUZZWORDS, MARKETING, MIXED_REPORT, NEXORA_PLATFORM } from './fixtures/english.js';

const both = (text: string): [Lang, Lang] => [detectLanguage(text, 'fr'), detectLanguage(text, 'en')];
const spans = (text: string): string[] => segmentByLanguage(text, 'fr').map((s) => `${s.lang} ${JSON.stringify(text.slice(s.start, s.end).trim().slice(0, 24))}`);

/** Segments cover `text` in order, without overlap, and change language at every boundary. */
function expectCover(text: string, fallback: Lang): void {
  const segments = segmentByLanguage(text, fallback);
  expect(segments.length).toBeGreaterThan(0);
  expect(segments[0]!.start).toBe(0);
  expect(segments[segments.length - 1]!.end).toBe(text.length);
  segments.forEach((segment, i) => {
    expect(segment.end).toBeGreaterThanOrEqual(segment.start);
    if (i === 0) return;
    const previous = segments[i - 1]!;
    expect(segment.start).toBe(previous.end);
    expect(segment.lang).not.toBe(previous.lang);
    // A boundary falls right after a blank line.
    expect(text.slice(0, segment.start)).toMatch(/(?:\r\n|\r|\n)[ \t\f\v\u00a0\u202f]*(?:\r\n|\r|\n)[\s]*$/u);
  });
}

describe('detectLanguage(): documents', () => {
  it('tells long English from long French', () => {
    for (const fixture of MARKETING) expect(both(fixture.text), fixture.id).toEqual(['en', 'en']);
    expect(both(ESSAY)).toEqual(['fr', 'fr']);
  });

  it('a French text full of English buzzwords is French', () => {
    expect(both(FRENCH_WITH_BUZZWORDS)).toEqual(['fr', 'fr']);
    expect(both('Le living lab de la smart city et l’open data au service des citoyens.')).toEqual(['fr', 'fr']);
    expect(both('Smart city, open data, living lab, big data, digital twin : la métropole se rêve en hub.')).toEqual(['fr', 'fr']);
  });

  it('reads the body, not the title block', () => {
    const englishTitle = 'The Smart City Strategy of the Metropolis\nA Roadmap for the Digital Future of the Region\nFor the Citizens and the Businesses of Valmont\n\nLa métropole engage sa transformation numérique avec les habitants.';
    const frenchTitle = 'Ville de Valmont — Direction du numérique et de l’innovation\nLa stratégie de la métropole pour les habitants\nCommuniqué de presse du conseil métropolitain\n\nThe city is launching a new platform for its residents.';
    // franc on the whole text follows the title.
    expect(franc(englishTitle, { only: ['fra', 'eng'] })).toBe('eng');
    expect(franc(frenchTitle, { only: ['fra', 'eng'] })).toBe('fra');
    expect(both(englishTitle)).toEqual(['fr', 'fr']);
    expect(both(frenchTitle)).toEqual(['en', 'en']);
  });

  it('samples a long body beyond franc’s first 2048 characters', () => {
    // A long French body after an English executive summary of ~2,500 characters: the
    // beginning alone would say English, the middle of the body is French.
    const summary = Array.from({ length: 12 }, () => NEXORA_PLATFORM.text.split('\n\n')[1]!).join(' ');
    const text = `${summary}\n\n${paragraph('Pour ses promoteurs')}\n\n${ESSAY.slice(10_000, 14_000)}`;
    expect(summary.length).toBeGreaterThan(2048);
    expect(franc(text, { only: ['fra', 'eng'] })).toBe('eng');
    expect(detectLanguage(text, 'en')).toBe('fr');
  });
});

describe('detectLanguage(): short texts and the fallback', () => {
  it('falls back when there are fewer than ~20 letters', () => {
    expect(both('')).toEqual(['fr', 'en']);
    expect(both('Smart grid')).toEqual(['fr', 'en']);
    expect(both('The city is here.')).toEqual(['fr', 'en']);
    expect(both('2030 — 4.0 — 5G — 100 %')).toEqual(['fr', 'en']);
  });

  it('reads one-line English sentences that franc alone takes for French', () => {
    for (const line of ['Data-driven governance creates value for residents.', 'Our connected city delivers sustainable innovation.', 'Smart cities cannot wait for permission.']) {
      expect(franc(line, { only: ['fra', 'eng'] }), line).toBe('fra');
      expect(both(line), line).toEqual(['en', 'en']);
    }
  });

  it('falls back on a one-liner without a single grammatical word', () => {
    const line = 'Real-time data, seamless services, connected communities.';
    expect(franc(line, { only: ['fra', 'eng'] })).toBe('fra');
    expect(both(line)).toEqual(['fr', 'en']);
  });

  it('reads short French sentences', () => {
    expect(both('La ville intelligente est là.')).toEqual(['fr', 'fr']);
    expect(both('Participation citoyenne et services numériques innovants.')).toEqual(['fr', 'fr']);
  });

  it('reads grammar words in capitals, accented capitals and beside other scripts', () => {
    expect(both('OÙ EST LA VILLE ? ELLE EST DÉJÀ DANS LES CAPTEURS.')).toEqual(['fr', 'fr']);
    expect(both('THE CITY IS WHERE THE SENSORS ARE, AND IT WAS SOLD TO US.')).toEqual(['en', 'en']);
    expect(both('Σχέδιο 2030 : la ville et ses capteurs, qui sont déjà là.')).toEqual(['fr', 'fr']);
  });

  it('says what it received when the input is wrong', () => {
    expect(() => detectLanguage(42 as unknown as string)).toThrow(new TypeError('novlangue: detectLanguage() expects the text as a string, instead received a number (42).'));
    expect(() => detectLanguage('text', 'de' as Lang)).toThrow(new TypeError('novlangue: detectLanguage() expects the fallback language as "fr" or "en", instead received "de".'));
    expect(() => segmentByLanguage(null as unknown as string)).toThrow(/segmentByLanguage\(\) expects the text as a string, instead received null/);
  });
});

describe('segmentByLanguage()', () => {
  it('cuts a French report around its English paragraph', () => {
    expect(spans(MIXED_REPORT)).toEqual(['fr "Rapport de la mission d\'"', 'en "Our intelligent operatio"', 'fr "Les membres de la missio"']);
    expectCover(MIXED_REPORT, 'fr');
  });

  it('keeps a French page full of buzzwords in one French segment', () => {
    expect(segmentByLanguage(FRENCH_WITH_BUZZWORDS, 'en')).toEqual([{ start: 0, end: FRENCH_WITH_BUZZWORDS.length, lang: 'fr' }]);
  });

  it('short paragraphs take the document’s language', () => {
    const text = `${NEXORA_PLATFORM.text}\n\nBienvenue à tous.\n\nMerci !`;
    expect(segmentByLanguage(text, 'fr')).toEqual([{ start: 0, end: text.length, lang: 'en' }]);
  });

  it('covers empty and blank texts with one segment', () => {
    expect(segmentByLanguage('', 'en')).toEqual([{ start: 0, end: 0, lang: 'en' }]);
    expect(segmentByLanguage(' \n\n \r\n', 'fr')).toEqual([{ start: 0, end: 6, lang: 'fr' }]);
  });

  it('covers any text in order, with boundaries inside blank lines', () => {
    const paragraphs = fc.constantFrom(
      NEXORA_PLATFORM.text.split('\n\n')[1]!,
      MIXED_REPORT.split('\n\n')[1]!,
      FRENCH_WITH_BUZZWORDS,
      'Smart grid',
      '',
      ' \t',
    );
    const separators = fc.constantFrom('\n\n', '\r\n\r\n', '\n \n', '\n', '\r\r', '\n\u00a0\n\n');
    const documents = fc.array(fc.tuple(paragraphs, separators), { maxLength: 8 }).map((parts) => parts.map(([p, s]) => p + s).join(''));
    fc.assert(fc.property(fc.oneof(documents, fc.string({ maxLength: 300 })), fc.constantFrom<Lang>('fr', 'en'), (text, fallback) => expectCover(text, fallback)), { numRuns: 200 });
  });
});

// These need analyze() to route `lang: 'auto'` through detectLanguage / segmentByLanguage.
describe("analyze(text, { lang: 'auto' })", () => {
  it('analyses English marketing with the English lexicon', () => {
    for (const fixture of MARKETING) {
      const analysis = analyze(fixture.text, { lang: 'auto' });
      expect(analysis.lang, fixture.id).toBe('en');
      expect(analysis.findings.length, fixture.id).toBeGreaterThan(0);
      expect(analysis.findings.every((f) => f.ruleId.startsWith('en.')), fixture.id).toBe(true);
      expectInvariants(fixture.text, analysis);
    }
  });

  it('analyses a French page full of buzzwords with the French lexicon', () => {
    const analysis = analyze(FRENCH_WITH_BUZZWORDS, { lang: 'auto' });
    expect(analysis.lang).toBe('fr');
    expect(analysis.findings.every((f) => f.ruleId.startsWith('fr.'))).toBe(true);
    expectInvariants(FRENCH_WITH_BUZZWORDS, analysis);
  });

  it('analyses the English paragraph of a French report with the English lexicon', () => {
    const analysis = analyze(MIXED_REPORT, { lang: 'auto' });
    expect(analysis.lang).toBe('fr');
    const englishStart = MIXED_REPORT.indexOf('Our intelligent');
    const englishEnd = MIXED_REPORT.indexOf('Les membres');
    const inEnglish = analysis.findings.filter((f) => f.range[0] >= englishStart && f.range[1] <= englishEnd);
    expect(inEnglish.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['en.operations-centre', 'en.situational-awareness', 'en.seamless', 'en.citizen-centric']));
    expect(analysis.findings.every((f) => f.ruleId.startsWith(f.range[0] >= englishStart && f.range[1] <= englishEnd ? 'en.' : 'fr.'))).toBe(true);
    expectInvariants(MIXED_REPORT, analysis);
  });

  it('routes a one-line English sentence to English', () => {
    expect(analyze('Data-driven governance creates value for residents.', { lang: 'auto' }).lang).toBe('en');
  });

  it('a French document analysed in auto mode does not load the English model', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const script = `
      import { analyze } from 'novlangue';
      import { createRequire } from 'node:module';
      const require = createRequire(process.cwd() + '/');
      const loaded = () => Object.keys(require.cache).some((file) => file.includes('wink-eng-lite-web-model'));
      const french = analyze(${JSON.stringify(FRENCH_WITH_BUZZWORDS)}, { lang: 'auto' });
      console.log(JSON.stringify({ lang: french.lang, loaded: loaded() }));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ lang: 'fr', loaded: false });
  });
});
