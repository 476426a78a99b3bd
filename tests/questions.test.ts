/**
 * The questions to ask the city: every category has two to five in French and in English, each
 * grounded in a section of the essay, and the data file satisfies its schema.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, CATEGORIES, formatMarkdown, questionsFor, questionsForAnalysis, summarizeCorpus, type CorpusDocument, type Lang } from 'novlangue';

const read = (file: string): unknown => JSON.parse(readFileSync(new URL(`../lexicons/${file}`, import.meta.url), 'utf8'));
const LANGS: readonly Lang[] = ['fr', 'en'];
/** The essay's section headings, as the lexicon schema lists them. */
const SECTIONS = (read('schema.json') as { definitions: { entry: { properties: { section: { enum: string[] } } } } }).definitions.entry.properties.section.enum;

describe('questions to ask the city', () => {
  it('lexicons/questions.json satisfies lexicons/questions.schema.json', () => {
    const validate = new Ajv({ allErrors: true, strict: true }).compile(read('questions.schema.json') as object);
    expect(validate(read('questions.json')), JSON.stringify(validate.errors)).toBe(true);
  });

  for (const category of CATEGORIES) {
    it(`${category}: two to five questions, the same ones in French and in English`, () => {
      const fr = questionsFor(category, 'fr');
      const en = questionsFor(category, 'en');
      expect(fr.length).toBeGreaterThanOrEqual(2);
      expect(fr.length).toBeLessThanOrEqual(5);
      expect(en.map((question) => question.id)).toEqual(fr.map((question) => question.id));
      expect(en.map((question) => question.section)).toEqual(fr.map((question) => question.section));
      for (const question of [...fr, ...en]) {
        expect(question.category).toBe(category);
        expect(question.text).toMatch(/\?$/u);
        expect(SECTIONS).toContain(question.section);
      }
      // Not a copy of the other language: the translations differ.
      for (let i = 0; i < fr.length; i++) expect(fr[i]!.text).not.toBe(en[i]!.text);
    });
  }

  it('ids are unique across every category, and say which category they belong to', () => {
    const ids = CATEGORIES.flatMap((category) => questionsFor(category, 'fr').map((question) => question.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z-]+\.[a-z0-9-]+$/u);
  });

  it('French questions are in French, with French typography; English ones in English', () => {
    for (const category of CATEGORIES) {
      // A French question mark follows a space (usually non-breaking); an English one never does.
      for (const question of questionsFor(category, 'fr')) expect(question.text, question.id).toMatch(/\s\?$/u);
      for (const question of questionsFor(category, 'en')) expect(question.text, question.id).toMatch(/\S\?$/u);
    }
  });

  it('each call returns fresh objects: a caller that edits them does not change the next answer', () => {
    const first = questionsFor('surveillance', 'en');
    first[0]!.text = 'changed';
    first.pop();
    expect(questionsFor('surveillance', 'en')[0]!.text).not.toBe('changed');
    expect(questionsFor('surveillance', 'en')).toHaveLength(first.length + 1);
  });

  it('rejects an unknown category or language, naming what it received and what it accepts', () => {
    expect(() => questionsFor('weather' as never, 'fr')).toThrow(/questionsFor\(\) expects a category \(intelligence, .*\), instead received "weather"/u);
    expect(() => questionsFor('surveillance', 'de' as never)).toThrow(/expects lang "fr" or "en", instead received "de"/u);
  });

  it('an analysis gets the questions of exactly the categories it found, in report order', () => {
    const analysis = analyze('La ville intelligente déploie des capteurs connectés pour une mobilité fluide et co-construite avec les citoyens.', { lang: 'fr' });
    const found = CATEGORIES.filter((category) => analysis.categories[category].count > 0);
    expect(found.length).toBeGreaterThan(1);
    const asked = questionsForAnalysis(analysis, 'fr');
    expect(asked.map((group) => group.category)).toEqual(found);
    for (const group of asked) expect(group.questions).toEqual(questionsFor(group.category, 'fr'));
    expect(questionsForAnalysis(analyze('Horaires de la médiathèque.', { lang: 'fr' }), 'fr')).toEqual([]);
  });

  it('property: any set of counts gets the questions of its non-zero categories, in either language', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 3 }), { minLength: CATEGORIES.length, maxLength: CATEGORIES.length }), fc.constantFrom(...LANGS), (counts, lang) => {
        const categories = Object.fromEntries(CATEGORIES.map((category, i) => [category, { count: counts[i]!, weighted: 0, rate: 0 }])) as Parameters<typeof questionsForAnalysis>[0]['categories'];
        const asked = questionsForAnalysis({ categories }, lang);
        expect(asked.map((group) => group.category)).toEqual(CATEGORIES.filter((_, i) => counts[i]! > 0));
      }),
    );
  });

  it('the Markdown report asks the questions of the categories found, in the language of its documents', () => {
    const record = (file: string, text: string, lang: Lang): CorpusDocument => ({ file, folder: null, bytes: text.length, format: 'txt', encoding: 'utf-8', meta: {}, ...analyze(text, { lang }), text });
    const french = [record('a.txt', 'Les capteurs de la ville intelligente surveillent les flux en temps réel.', 'fr')];
    const md = formatMarkdown({ results: french, summary: summarizeCorpus(french) });
    expect(md).toContain('## Questions à poser');
    expect(md).toContain(questionsFor('surveillance', 'fr')[0]!.text.slice(0, 30));
    expect(md).not.toContain(questionsFor('anglicisms', 'fr')[0]!.text.slice(0, 30));
    const english = [record('b.txt', 'Real-time sensors make the smart city seamless.', 'en')];
    expect(formatMarkdown({ results: english, summary: summarizeCorpus(english) })).toContain('## Questions to ask');
    const none = [record('c.txt', 'La médiathèque ouvre à dix heures.', 'fr')];
    expect(formatMarkdown({ results: none, summary: summarizeCorpus(none) })).not.toMatch(/## Questions/u);
  });
});
