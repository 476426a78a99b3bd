import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from 'novlangue';
import { ESSAY } from './fixtures/essay.js';

// Every gloss (`note`) of the bundled data is shown to French and English readers alike: it is
// written in French, whatever the language of the lexicon (lexicons/FORMAT.md), as a full
// sentence, and it is tied to one of the essay's sections.

interface Glossed {
  id: string;
  note: string;
  section: string;
}

const read = (file: string): unknown => JSON.parse(readFileSync(new URL(`../lexicons/${file}`, import.meta.url), 'utf8'));

/** The entries of a lexicon, or the rules of a rule file. */
function glossed(file: string): Glossed[] {
  const data = read(file) as { entries?: Glossed[]; rules?: Glossed[] };
  return data.entries ?? data.rules ?? [];
}

// The list of sections is the one the schemas enforce; it is not written again here.
const schemaSections = (file: string): string[] => {
  const found: string[][] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const section = (node as { section?: { enum?: unknown } }).section;
    if (section && Array.isArray(section.enum)) found.push(section.enum as string[]);
    for (const value of Object.values(node)) walk(value);
  };
  walk(read(file));
  expect(found.length, `${file} declares the sections`).toBeGreaterThan(0);
  return found[0]!;
};
const SECTIONS = schemaSections('schema.json');

const FILES = ['fr.json', 'en.json', 'rules.fr.json', 'rules.en.json'];

describe('the sections glosses may cite', () => {
  it('are the same list in the lexicon schema and the rules schema', () => {
    expect(schemaSections('rules.schema.json')).toEqual(SECTIONS);
  });

  it('are headings of the essay, plus its untitled opening', () => {
    const headings = new Set(ESSAY.split('\n').map((line) => line.trim()));
    expect(SECTIONS[0]).toBe('OUVERTURE');
    for (const title of SECTIONS.slice(1)) expect(headings.has(title), title).toBe(true);
  });
});

describe.each(FILES)('the glosses of lexicons/%s', (file) => {
  const items = glossed(file);

  it('exist', () => {
    expect(items.length).toBeGreaterThan(0);
  });

  it('are written in French, as novlangue itself detects it', () => {
    // Fallback 'en': a note too short to be recognised does not pass as French by default.
    const notFrench = items.filter((item) => detectLanguage(item.note, 'en') !== 'fr').map((item) => item.id);
    expect(notFrench).toEqual([]);
  });

  it('are at least one full sentence', () => {
    const fragments = items
      .filter((item) => {
        const note = item.note.trim();
        return !/^[«\p{Lu}]/u.test(note) || !/[.!?»]$/u.test(note) || note.split(/\s+/).length < 8;
      })
      .map((item) => item.id);
    expect(fragments).toEqual([]);
  });

  it('each cite a section of the essay', () => {
    const unknown = items.filter((item) => !SECTIONS.includes(item.section)).map((item) => `${item.id}: ${item.section}`);
    expect(unknown).toEqual([]);
  });
});
