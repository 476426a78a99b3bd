import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from 'novlangue';
import { TOKEN_GRAMMAR } from '../src/tokenize/01-scan.js';

const texts = (input: string, lang: 'fr' | 'en' = 'fr'): string[] => tokenize(input, lang).tokens.map((t) => t.text);
const kinds = (input: string): string[] => tokenize(input).tokens.map((t) => `${t.text}:${t.kind}`);
const sentences = (input: string): string[] => tokenize(input).sentences.map((s) => input.slice(s.range[0], s.range[1]));

describe('tokenize: French phenomena', () => {
  it('splits elisions from their word, with straight and typographic apostrophes', () => {
    expect(kinds("l'État qu’il jusqu'à lorsqu'on puisqu'elle quoiqu'il s'y n'est")).toEqual([
      "l':elision", 'État:word', 'qu’:elision', 'il:word', "jusqu':elision", 'à:word', "lorsqu':elision", 'on:word',
      "puisqu':elision", 'elle:word', "quoiqu':elision", 'il:word', "s':elision", 'y:word', "n':elision", 'est:word',
    ]);
  });

  it('normalises the typographic apostrophe in norm, never in text', () => {
    const [elision] = tokenize('l’humain').tokens;
    expect(elision).toMatchObject({ text: 'l’', norm: "l'" });
  });

  it('reads the modifier letter apostrophe ʼ, which some editors write, as an apostrophe', () => {
    expect(kinds('lʼavenir cʼest aujourdʼhui')).toEqual(['lʼ:elision', 'avenir:word', 'cʼ:elision', 'est:word', 'aujourdʼhui:word']);
    expect(tokenize('lʼhumain').tokens[0]).toMatchObject({ text: 'lʼ', norm: "l'" });
  });

  it('keeps aujourd’hui, presqu’île and quelqu’un whole', () => {
    expect(texts("aujourd'hui aujourd’hui presqu'île quelqu'un")).toEqual(["aujourd'hui", 'aujourd’hui', "presqu'île", "quelqu'un"]);
  });

  it('keeps hyphenated compounds whole', () => {
    expect(texts('co-construire le mieux-vivre en Île-de-France via l’e-administration')).toEqual([
      'co-construire', 'le', 'mieux-vivre', 'en', 'Île-de-France', 'via', 'l’', 'e-administration',
    ]);
  });

  it('splits c’est-à-dire into the elision and the compound', () => {
    expect(texts("c'est-à-dire")).toEqual(["c'", 'est-à-dire']);
  });

  it('makes guillemets and quotation marks tokens of their own', () => {
    expect(kinds('« ville »“smart”"city"')).toEqual(['«:quote', 'ville:word', '»:quote', '“:quote', 'smart:word', '”:quote', '":quote', 'city:word', '":quote']);
  });

  it('treats NBSP and narrow NBSP as spaces', () => {
    expect(texts('ville\u00a0: «\u202fsmart\u202f» !')).toEqual(['ville', ':', '«', 'smart', '»', '!']);
  });

  it('reads numbers: versions, French thousands, percentages, subscripts', () => {
    expect(kinds('3.0 1 400 12\u202f000 19 % CO₂ 2,5')).toEqual(['3.0:number', '1 400:number', '12\u202f000:number', '19:number', '%:punct', 'CO₂:word', '2,5:number']);
  });

  it('does not glue footnote superscripts to words or quotes', () => {
    expect(kinds('environnement³ créative »¹⁰.')).toEqual(['environnement:word', '³:footnote', 'créative:word', '»:quote', '¹⁰:footnote', '.:punct']);
  });

  it('handles CRLF line ends in places', () => {
    const { tokens } = tokenize('ville\r\nintelligente');
    expect(tokens[1]!.place.start).toEqual({ line: 2, column: 1, offset: 7 });
  });

  it('counts columns in UTF-16 code units across surrogate pairs', () => {
    const { tokens } = tokenize('😀 ville');
    expect(tokens[1]!.range).toEqual([3, 8]);
    expect(tokens[1]!.place.start.column).toBe(4);
  });

  it('stems with the French Porter stemmer, accents composed', () => {
    const [decomposed] = tokenize('inte\u0301ressante').tokens;
    const [composed] = tokenize('intéressante').tokens;
    expect(decomposed!.stem).toBe(composed!.stem);
  });

  it('keeps URLs whole', () => {
    expect(texts('voir https://www.metropole-dijon.fr/Les-grands-projets.')).toEqual(['voir', 'https://www.metropole-dijon.fr/Les-grands-projets', '.']);
  });
});

describe('tokenize: sentences', () => {
  it('keeps a closing guillemet with its sentence', () => {
    expect(sentences('Il dit : « Oui. » Puis il part.')).toEqual(['Il dit : « Oui. »', 'Puis il part.']);
  });

  it('knows French abbreviations and initials', () => {
    expect(sentences('M. Dupont, cf. p. 8, art. 3 et Mme Durand citent J. Rifkin. Fin.')).toEqual([
      'M. Dupont, cf. p. 8, art. 3 et Mme Durand citent J. Rifkin.',
      'Fin.',
    ]);
  });

  it('ends a sentence after etc. only before a capital', () => {
    expect(sentences('pollution, déchets, etc. Les villes, etc. et le reste.')).toEqual(['pollution, déchets, etc.', 'Les villes, etc. et le reste.']);
  });

  it('ends a sentence at a blank line (headings have no full stop)', () => {
    expect(sentences('SILENCE ET NON-DITS\n\nPour ses promoteurs.')).toEqual(['SILENCE ET NON-DITS', 'Pour ses promoteurs.']);
  });

  it('keeps the footnote call after the full stop with its sentence', () => {
    expect(sentences('Elle est promue³. Ensuite.')).toEqual(['Elle est promue³.', 'Ensuite.']);
  });
});

describe('tokenize: invariants on arbitrary strings', () => {
  const alphabet = fc.constantFrom(...'aé’\'-« »“”"., \n\r\u00a0\u202fL0123³₂😀\u0301\ud800\u200f\u0000'.split(''), 'qu\'', 'co-', 'ville ', 'intelligente');
  const arbitraryText = fc.oneof(fc.string({ maxLength: 200 }), fc.array(alphabet, { maxLength: 80 }).map((parts) => parts.join('')));

  it('every token slices to its text, in order, without overlap', () => {
    fc.assert(
      fc.property(arbitraryText, fc.constantFrom<'fr' | 'en'>('fr', 'en'), (text, lang) => {
        const { tokens, sentences: spans } = tokenize(text, lang);
        let last = 0;
        for (const token of tokens) {
          expect(text.slice(token.range[0], token.range[1])).toBe(token.text);
          expect(token.range[0]).toBeGreaterThanOrEqual(last);
          expect(token.range[1]).toBeGreaterThan(token.range[0]);
          last = token.range[1];
        }
        for (const sentence of spans) expect(sentence.tokenEnd).toBeGreaterThan(sentence.tokenStart);
        expect(spans.reduce((n, s) => n + s.tokenEnd - s.tokenStart, 0)).toBe(tokens.length);
      }),
      { numRuns: 300 },
    );
  });

  it('only whitespace, control and format characters fall between tokens', () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        const { tokens } = tokenize(text);
        let cursor = 0;
        for (const token of [...tokens, { range: [text.length, text.length] }]) {
          expect(/^[\s\p{Cc}\p{Cf}]*$/u.test(text.slice(cursor, token.range[0]))).toBe(true);
          cursor = token.range[1]!;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('cuts every text as the token grammar, tried alternative after alternative, would', () => {
    // The scanner takes shortcuts (first code unit, plain Latin words); the grammar as one
    // regular expression is the reference it must agree with.
    // (English goes through wink-nlp first, so French is where the scanner alone decides.)
    const pattern = new RegExp(TOKEN_GRAMMAR.map(([, source]) => `(${source})`).join('|'), 'gu');
    const reference = (text: string): string[] => {
      return [...text.matchAll(pattern)].map((match) => {
        const group = match.findIndex((value, i) => i > 0 && value !== undefined);
        return `${match.index}:${match[0]}:${TOKEN_GRAMMAR[group - 1]![0]}`;
      });
    };
    const pieces = fc.constantFrom("l'", 'qu’', 'aujourd’hui', 'presqu\'île', 'prud’homme', 'jusqu\'', 'http://a.fr/b.', 'www.x.y', 'https',
      '3.0', '1 400', '5G', 'CO₂', '²', 'É', 'œ', '\u0301', '٣', '𝒜', '\u{E0001}', '-', '\u2011', '…', '?!', '$', '\u0085', '\ufeff', 'ß', '×',
      '..', '...!', '!…', '.?', '\u00a0', '\u202f', '\u00ad', '«', '»', '’', '¹²', '#', '@', '_', '~', '|', '`', '\\', '–');
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(fc.oneof(pieces, alphabet), { maxLength: 40 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(text, (input) => {
        const tokens = tokenize(input, 'fr').tokens.map((token) => `${token.range[0]}:${token.text}:${token.kind}`);
        expect(tokens).toEqual(reference(input));
      }),
      { numRuns: 1000 },
    );
  });

  it('makes one French word of any run of Latin letters (lexicons are compiled on that shortcut)', () => {
    const latin = [...Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i, 97 + i)).join('')];
    for (let code = 0xc0; code <= 0x24f; code++) if (code !== 0xd7 && code !== 0xf7) latin.push(String.fromCharCode(code));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...latin), { minLength: 1, maxLength: 30 }).map((chars) => chars.join('')), (word) => {
        const { tokens } = tokenize(word, 'fr');
        expect(tokens.map((token) => [token.text, token.kind])).toEqual([[word, 'word']]);
      }),
      { numRuns: 1000 },
    );
  });

  it('places are consistent with offsets', () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        for (const token of tokenize(text).tokens) {
          const { line, column, offset } = token.place.start;
          const before = text.slice(0, offset);
          const lines = before.split(/\r\n|\r|\n/);
          expect(line).toBe(lines.length);
          expect(column).toBe(lines[lines.length - 1]!.length + 1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
