import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenize } from 'novlangue';
import { LANGS, LANGUAGES, acrossLanguages, isLang, langList, languageOf, quotePairs } from '../src/languages/index.js';

describe('languages: the registry', () => {
  it('registers French and English, each under its own code', () => {
    expect(LANGS).toEqual(['fr', 'en']);
    for (const lang of LANGS) expect(languageOf(lang).code).toBe(lang);
    expect(Object.keys(LANGUAGES)).toEqual(LANGS);
  });

  it('tells a registered code from anything else', () => {
    expect(LANGS.every(isLang)).toBe(true);
    for (const value of ['de', 'FR', 'auto', 'toString', '__proto__', '', undefined, null, 1]) expect(isLang(value)).toBe(false);
    expect(langList()).toBe('"fr" or "en"');
    expect(langList(['auto'])).toBe('"fr", "en" or "auto"');
  });

  it('merges what every language knows without repeats, in registry order', () => {
    expect(acrossLanguages((language) => language.elisions)).toEqual(languageOf('fr').elisions);
    expect(acrossLanguages((language) => language.abbreviations)).toContain('mr');
    const pairs = quotePairs().map((pair) => pair.open + pair.close);
    expect(pairs).toEqual([...new Set(pairs)]);
    expect(pairs.slice(0, 2)).toEqual(['«»', '“”']);
  });
});

describe('languages: the data', () => {
  const lower = (word: string): boolean => word === word.toLowerCase();

  it('counts each function word, elision and clitic for one language only', () => {
    for (const field of ['functionWords', 'elisions', 'clitics'] as const) {
      const owners = new Map<string, string[]>();
      for (const lang of LANGS) for (const word of languageOf(lang)[field]) owners.set(word, [...(owners.get(word) ?? []), lang]);
      expect([...owners].filter(([, langs]) => langs.length > 1), field).toEqual([]);
    }
  });

  it('lists lower-case entries without repeats', () => {
    for (const lang of LANGS) {
      const { functionWords, elisions, clitics, abbreviations, sentenceFinalAbbreviations } = languageOf(lang);
      for (const list of [functionWords, elisions, clitics, abbreviations, sentenceFinalAbbreviations]) {
        expect(list.filter((word) => !lower(word) || word.length === 0), lang).toEqual([]);
        expect(new Set(list).size, lang).toBe(list.length);
      }
      expect(sentenceFinalAbbreviations.filter((word) => !abbreviations.includes(word)), lang).toEqual([]);
    }
  });

  it('writes elisions and apostrophe words as the scanner looks for them: an ASCII letter first, one apostrophe', () => {
    for (const word of acrossLanguages((language) => language.elisions)) expect(word).toMatch(/^[a-z]+$/u);
    for (const word of acrossLanguages((language) => language.apostropheWords)) expect(word).toMatch(/^[a-zA-Z]+'\p{L}+\*?$/u);
  });

  it('gives quotation marks of one code unit each (the scanner reads them by code unit)', () => {
    const marks = [...quotePairs().flatMap((pair) => [pair.open, pair.close]), ...acrossLanguages((language) => language.quotes.unpaired)];
    for (const mark of marks) expect(mark.length, mark).toBe(1);
  });

  it('is the list of languages every data schema and bundled data file knows', () => {
    const schema = (name: string): { properties: { lang: { enum: string[] } }; definitions?: { scoreWeights?: { properties: object } } } =>
      JSON.parse(readFileSync(new URL(`../lexicons/${name}`, import.meta.url), 'utf8'));
    for (const name of ['schema.json', 'rules.schema.json', 'stance.schema.json']) expect(schema(name).properties.lang.enum, name).toEqual(LANGS);
    expect(Object.keys(schema('weights.schema.json').definitions!.scoreWeights!.properties)).toEqual(LANGS);
    for (const lang of LANGS) for (const file of [`${lang}.json`, `rules.${lang}.json`, `stance.${lang}.json`]) expect(existsSync(new URL(`../lexicons/${file}`, import.meta.url)), file).toBe(true);
  });

  it('names a stemmer that loads', async () => {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    for (const lang of LANGS) expect(typeof (require(languageOf(lang).stemmer) as { stem: unknown }).stem).toBe('function');
  });
});

describe('languages: read by the tokenizer', () => {
  const texts = (input: string, lang: 'fr' | 'en'): string[] => tokenize(input, lang).tokens.map((t) => `${t.text}:${t.kind}`);

  it('splits the elisions of French only', () => {
    expect(texts("qu'il", 'fr')).toEqual(["qu':elision", 'il:word']);
    expect(texts("l'État aujourd'hui", 'fr')).toEqual(["l':elision", 'État:word', "aujourd'hui:word"]);
  });

  it('keeps abbreviations of any language inside a French sentence', () => {
    const sentences = tokenize('Selon Mr. Smith, IBM Inc. Les villes suivent.', 'fr').sentences;
    expect(sentences).toHaveLength(2);
  });
});
