import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { analyze, bundledLexicon, CATEGORIES, extendLexicon, LexiconError, loadLexicon, loadRules, type LexiconEntry } from 'novlangue';

const entry = (overrides: Partial<LexiconEntry> = {}): LexiconEntry => ({
  id: 'hypervision-test',
  category: 'surveillance',
  patterns: ['hypervision'],
  weight: 2,
  note: 'Une glose de test assez longue pour le schéma.',
  section: 'SILENCE ET NON-DITS',
  ...overrides,
});

function loadError(data: unknown): LexiconError {
  try {
    loadLexicon(data, 'custom.json');
  } catch (error) {
    expect(error).toBeInstanceOf(LexiconError);
    return error as LexiconError;
  }
  throw new Error('expected a LexiconError');
}

describe('bundled data files', () => {
  // The package does not validate its own files at run time (that would cost every start-up the
  // schema compiler): these checks are what guarantees them.
  const read = (file: string): unknown => JSON.parse(readFileSync(new URL(`../lexicons/${file}`, import.meta.url), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: true, discriminator: true });
  const files: Array<[string, string]> = [
    ['fr.json', 'schema.json'], ['en.json', 'schema.json'],
    ['rules.fr.json', 'rules.schema.json'], ['rules.en.json', 'rules.schema.json'],
    ['stance.fr.json', 'stance.schema.json'], ['stance.en.json', 'stance.schema.json'],
  ];
  for (const [file, schema] of files) {
    it(`lexicons/${file} satisfies lexicons/${schema}`, () => {
      const validate = ajv.getSchema(schema) ?? (ajv.addSchema(read(schema) as object, schema), ajv.getSchema(schema)!);
      expect(validate(read(file)), JSON.stringify(validate.errors)).toBe(true);
    });
  }

  it('the lexicons and rule files load through the validating API, ids unique', () => {
    for (const lang of ['fr', 'en']) {
      expect(() => loadLexicon(read(`${lang}.json`), `lexicons/${lang}.json`)).not.toThrow();
      expect(() => loadRules(read(`rules.${lang}.json`), `lexicons/rules.${lang}.json`)).not.toThrow();
    }
  });
});

describe('bundled lexicons', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`${lang}: loads, has every category, and every id is unique`, () => {
      const lexicon = bundledLexicon(lang);
      const ids = lexicon.entries.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const category of CATEGORIES) expect(lexicon.entries.some((e) => e.category === category), category).toBe(true);
    });

    it(`${lang}: every entry, alone, can match the text of its own first pattern`, () => {
      const data = JSON.parse(readFileSync(new URL(`../lexicons/${lang}.json`, import.meta.url), 'utf8')) as { entries: LexiconEntry[] };
      const dead = data.entries.filter((e) => {
        const lexicon = loadLexicon({ lang, entries: [e] });
        const sample = e.patterns[0]!
          .split(/\s+/)
          .filter((slot) => !slot.endsWith('?'))
          .map((slot) => slot.split('|')[0]!.replace(/^=/, ''))
          .join(' ');
        // Context entries need their neighbour: give them the first `near` word.
        const near = e.context?.near?.[0]?.split('|')[0]?.replace(/^=/, '');
        const text = near ? `${near} ${sample}` : sample;
        return !analyze(text, { lexicon }).findings.some((f) => f.ruleId === `${lang}.${e.id}`);
      });
      expect(dead.map((e) => e.id)).toEqual([]);
    });
  }

  it('keep their own strictness: every entry with a gloss of 20 characters or more, an essay section, a bundled category, no source', () => {
    for (const lang of ['fr', 'en'] as const) {
      const data = JSON.parse(readFileSync(new URL(`../lexicons/${lang}.json`, import.meta.url), 'utf8')) as { categories?: unknown; entries: Array<LexiconEntry & { source?: string }> };
      expect(data.categories, lang).toBeUndefined();
      for (const e of data.entries) {
        expect(e.note?.length ?? 0, e.id).toBeGreaterThanOrEqual(20);
        expect(e.section, e.id).toMatch(/^[\p{Lu}' ,-]+$/u);
        expect(CATEGORIES, e.id).toContain(e.category);
        expect(e.weight, e.id).toBeGreaterThanOrEqual(0.25);
        expect(e.source, e.id).toBeUndefined();
      }
    }
  });

  it('fr: has at least 120 entries, each with a gloss and a section', () => {
    const { entries } = bundledLexicon('fr');
    expect(entries.length).toBeGreaterThanOrEqual(120);
    for (const e of entries) {
      expect(e.note.length, e.id).toBeGreaterThan(40);
      expect(e.section, e.id).toMatch(/^[\p{Lu}' ,-]+$/u);
    }
  });
});

describe('loadLexicon: validation names the file, the entry and the field', () => {
  it('rejects unknown keys', () => {
    const error = loadError({ lang: 'fr', entries: [{ ...entry(), colour: 'red' }] });
    expect(error.message).toBe('custom.json (entry "hypervision-test", field "colour"): unknown key "colour"');
    expect(error).toMatchObject({ file: 'custom.json', entryId: 'hypervision-test', field: 'colour' });
  });

  it('rejects an unknown category with the allowed values', () => {
    const error = loadError({ lang: 'fr', entries: [entry({ category: 'magic' as never })] });
    expect(error.message).toMatch(/custom\.json \(entry "hypervision-test", field "category"\): .*"intelligence", "buzzwords"/);
  });

  it('rejects duplicate ids', () => {
    expect(loadError({ lang: 'fr', entries: [entry(), entry()] }).message).toBe('custom.json (entry "hypervision-test", field "id"): duplicate id');
  });

  it('rejects a pattern that cannot match once tokenised', () => {
    expect(loadError({ lang: 'fr', entries: [entry({ patterns: ['« »'] })] }).message).toMatch(/field "patterns\[0\]"\): .*punctuation only/);
    expect(loadError({ lang: 'fr', entries: [entry({ patterns: ["=d'excellence|pôle"] })] }).message).toMatch(/an alternative must be one token/);
    expect(loadError({ lang: 'fr', entries: [entry({ patterns: ['plus? intelligent'] })] }).message).toMatch(/starts with an optional slot/);
  });

  it('rejects a missing field and a weight out of range', () => {
    const { category: _category, ...withoutCategory } = entry();
    expect(loadError({ lang: 'fr', entries: [withoutCategory] }).message).toMatch(/field "category"\): must have required property 'category'/);
    expect(loadError({ lang: 'fr', entries: [entry({ weight: 50 })] }).message).toMatch(/field "weight"\): must be <= 5/);
    expect(loadError({ lang: 'fr', entries: [entry({ weight: 0.1 })] }).message).toMatch(/field "weight"\): must be 0 \(to switch the entry off\) or from 0.25 to 5/);
  });

  it('reports every problem of a file at once, one line each', () => {
    const error = loadError({ lang: 'fr', entries: [entry({ id: 'a', category: 'magic' as never }), { ...entry({ id: 'b' }), colour: 'red' }, entry({ id: 'c', patterns: ['« »'] }), entry({ id: 'd', patterns: ['plus? intelligent'] })] });
    expect(error.message.split('\n')).toEqual([
      'custom.json: 2 problems:',
      '  entry "b", field "colour": unknown key "colour"',
      expect.stringMatching(/^  entry "a", field "category": unknown category "magic"/),
    ]);
    // Patterns are checked once the file is valid: all of theirs at once too.
    expect(loadError({ lang: 'fr', entries: [entry({ id: 'c', patterns: ['« »'] }), entry({ id: 'd', patterns: ['plus? intelligent'] })] }).message).toMatch(/2 problems:\n {2}entry "c", field "patterns\[0\]": .*punctuation only\n {2}entry "d", field "patterns\[0\]": .*optional slot/);
  });

  it('rejects data that is not a lexicon at all', () => {
    expect(loadError('not json').message).toMatch(/^custom\.json: must be object/);
  });
});

describe('custom lexicons', () => {
  it('a user lexicon alone finds only its own terms', () => {
    const lexicon = loadLexicon({ lang: 'fr', entries: [entry()] }, 'custom.json');
    const { findings } = analyze("L'hypervision de la ville intelligente", { lexicon });
    expect(findings.map((f) => f.ruleId)).toEqual(['fr.hypervision-test']);
  });

  it('extends the bundled lexicon, and an entry with a known id replaces it', () => {
    const base = bundledLexicon('fr');
    const known = base.entries[0]!;
    const extended = extendLexicon(base, { lang: 'fr', entries: [entry(), { ...entry({ id: known.id, weight: 0.25 }), category: known.category, patterns: known.patterns }] }, 'mine.json');
    expect(extended.entries.length).toBe(base.entries.length + 1);
    expect(extended.entries.find((e) => e.id === known.id)).toMatchObject({ weight: 0.25, source: 'mine.json' });
    expect(extended.sources).toEqual(['lexicons/fr.json', 'mine.json']);
  });

  it('refuses to extend a lexicon of another language', () => {
    expect(() => extendLexicon(bundledLexicon('fr'), { lang: 'en', entries: [] }, 'en-extra.json')).toThrow(/en-extra\.json \(field "lang"\)/);
  });
});

describe('matching', () => {
  const lexicon = loadLexicon(
    {
      lang: 'fr',
      entries: [
        entry({ id: 'ville-intelligente', category: 'intelligence', patterns: ['ville|villes plus? =intelligente|=intelligentes'] }),
        entry({ id: 'intelligente-seule', category: 'intelligence', weight: 1, patterns: ['=intelligente|=intelligentes|=intelligent'], context: { near: ['réseau|compteur'], notNear: ['élève'], window: 3 } }),
        entry({ id: 'metropole-intelligente-connectee', category: 'intelligence', weight: 4, patterns: ['métropole =intelligente et connectée'] }),
        entry({ id: 'metropole-intelligente', category: 'intelligence', weight: 3, patterns: ['métropole =intelligente'] }),
      ],
    },
    'test.json',
  );
  const found = (text: string): string[] => analyze(text, { lexicon }).findings.map((f) => `${f.ruleId.slice(3)}:${f.actual}`);

  it('matches inflections, and optional slots', () => {
    expect(found('des villes plus intelligentes et une ville intelligente')).toEqual(['ville-intelligente:villes plus intelligentes', 'ville-intelligente:ville intelligente']);
  });

  it('prefers the longest match and never counts overlapping entries twice', () => {
    expect(found('la métropole intelligente et connectée')).toEqual(['metropole-intelligente-connectee:métropole intelligente et connectée']);
  });

  it('applies context conditions', () => {
    expect(found('un réseau électrique intelligent')).toEqual(['intelligente-seule:intelligent']);
    expect(found('un élève intelligent')).toEqual([]);
    expect(found("l'intelligence humaine")).toEqual([]);
  });

  it('never matches across a sentence boundary', () => {
    expect(found('Une belle ville. Intelligente, elle aussi.')).toEqual([]);
  });
});

describe('lexicons of one’s own', () => {
  const OWN = {
    lang: 'fr',
    categories: { greenwashing: { label: 'écoblanchiment', description: 'Les promesses vertes d’un corpus militant.' } },
    entries: [{ id: 'zero-artificialisation', category: 'greenwashing', patterns: ['=zéro =artificialisation'], weight: 2, source: 'Mon corpus de délibérations, 2024' }],
  };

  it('declares categories of its own: findings carry them with their label, the figures count them, and no note or section is needed', () => {
    const lexicon = extendLexicon(bundledLexicon('fr'), OWN, 'mine.json');
    const analysis = analyze('La métropole vise le zéro artificialisation.', { lang: 'fr', lexicon });
    const finding = analysis.findings.find((f) => f.ruleId === 'fr.zero-artificialisation')!;
    expect(finding).toMatchObject({ category: 'greenwashing', message: 'écoblanchiment : « zéro artificialisation »', note: '', section: 'Mon corpus de délibérations, 2024' });
    expect((analysis.categories as Record<string, { count: number }>).greenwashing!.count).toBe(1);
  });

  it('switches a bundled entry off with weight 0, by id', () => {
    const text = 'Une ville intelligente.';
    expect(analyze(text, { lang: 'fr' }).findings.map((f) => f.ruleId)).toContain('fr.ville-intelligente');
    const lexicon = extendLexicon(bundledLexicon('fr'), { lang: 'fr', entries: [{ id: 'ville-intelligente', weight: 0 }] }, 'off.json');
    expect(lexicon.entries.some((e) => e.id === 'ville-intelligente')).toBe(false);
    expect(analyze(text, { lang: 'fr', lexicon }).findings.map((f) => f.ruleId)).not.toContain('fr.ville-intelligente');
    expect(() => extendLexicon(bundledLexicon('fr'), { lang: 'fr', entries: [{ id: 'nulle-part', weight: 0 }] }, 'off.json')).toThrow(/off\.json \(entry "nulle-part", field "id"\): weight 0 switches off an entry, but lexicons\/fr\.json has no entry "nulle-part"/);
    expect(() => loadLexicon({ lang: 'fr', entries: [{ id: 'ville-intelligente', weight: 0 }] }, 'alone.json')).toThrow(/a lexicon loaded alone extends none/);
  });

  it('combines several files in order: a later file uses the categories of an earlier one and overrides its ids', () => {
    const first = extendLexicon(bundledLexicon('fr'), OWN, 'one.json');
    const second = extendLexicon(first, { lang: 'fr', entries: [{ id: 'zero-artificialisation', category: 'greenwashing', patterns: ['=zéro =artificialisation'], weight: 4 }, { id: 'sobriete', category: 'greenwashing', patterns: ['=sobriété =numérique'], weight: 1 }] }, 'two.json');
    expect(second.sources).toEqual(['lexicons/fr.json', 'one.json', 'two.json']);
    expect(second.entries.find((e) => e.id === 'zero-artificialisation')).toMatchObject({ weight: 4, source: 'two.json' });
    expect(second.entries.find((e) => e.id === 'sobriete')).toMatchObject({ category: 'greenwashing' });
    expect(second.categories).toEqual(OWN.categories);
  });

  it('refuses a declared category that is a bundled one', () => {
    expect(loadError({ lang: 'fr', categories: { surveillance: { label: 'x' } }, entries: [entry()] }).message).toMatch(/field "categories\.surveillance"\): "surveillance" is a bundled category/);
  });
});

