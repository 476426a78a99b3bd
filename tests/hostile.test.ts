import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, type AnalyzeOptions } from 'novlangue';
import { expectInvariants } from './helpers.js';

// Pieces that stress the tokenizer, the quote scanner and the matcher when shuffled together.
const PIECES = [
  'ville intelligente', ' smart city', '« ', ' »', '“', '”', '"', "l'", 'qu’', '-', 'co-construire', ' dite ',
  '\u0000', '\u202e', '\u200f', '\ud800', '\udc00', '😀', 'e\u0301', '\r\n', '\n\n', '\u00a0', '3.0', '1 400', '¹⁰', '.', ' M. ',
];
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join('')),
);

describe('analyze() on arbitrary strings', () => {
  it('never throws; every finding lies in the text and slices to `actual`; sorted, no duplicates', () => {
    fc.assert(
      fc.property(hostile, fc.constantFrom<'fr' | 'en'>('fr', 'en'), (text, lang) => {
        expectInvariants(text, analyze(text, { lang }));
      }),
      { numRuns: 400 },
    );
  });

  it('is JSON-serialisable and identical across two runs', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const first = JSON.stringify(analyze(text));
        expect(JSON.stringify(JSON.parse(first))).toBe(first);
        expect(JSON.stringify(analyze(text))).toBe(first);
      }),
      { numRuns: 200 },
    );
  });

  it('survives a word of 6 million letters, in French and in English: an expression over it would overflow the backtracking stack', () => {
    for (const [letter, lang] of [['д', 'fr'], ['e\u0301', 'fr'], ['a', 'en'], ['中', 'en']] as const) {
      const text = letter.repeat(6_000_000 / letter.length);
      expect(analyze(text, { lang }).tokens.map((token) => token.range)).toEqual([[0, text.length]]);
    }
  });

  it('survives a 1 MB single line', () => {
    const line = 'la ville intelligente et connectée '.repeat(30_000);
    const analysis = analyze(line);
    expect(analysis.findings.length).toBeGreaterThan(20_000);
    expect(analysis.sentences.length).toBe(1);
  });
});

/**
 * Best of three CPU times of `analyze(text)`, in ms. CPU time rather than wall time: the other
 * test files run in parallel, and a process waiting for a core must not look superlinear.
 */
function bestTime(text: string, options: AnalyzeOptions): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = process.cpuUsage();
    analyze(text, options);
    const { user, system } = process.cpuUsage(start);
    best = Math.min(best, (user + system) / 1000);
  }
  return best;
}

describe('no input makes analyze() superlinear', () => {
  // Not a speed target (those live in `npm run bench`): a linear algorithm costs ~4x for 4x
  // the input, a quadratic one ~16x. The bound is generous so a loaded machine cannot fail it.
  const shapes: Record<string, (size: number) => string> = {
    'nested guillemets': (n) => '«'.repeat(n / 2) + '»'.repeat(n / 2),
    'unbalanced quotes': (n) => '« ville intelligente '.repeat(n / 21),
    'one term repeated': (n) => 'ville intelligente '.repeat(n / 19),
    'one long word': (n) => 'a'.repeat(n),
    apostrophes: (n) => "l'".repeat(n / 2),
    hyphens: (n) => 'co-'.repeat(n / 3),
    'mixed quote styles': (n) => '“ « " ‹ '.repeat(n / 8),
  };
  // In English: the Porter stemmer's expressions are quadratic in the length of a word without vowels.
  const english: Record<string, (size: number) => string> = {
    'one long word of consonants, in English': (n) => 'x'.repeat(n),
    'one long word of Cyrillic letters, in English': (n) => 'д'.repeat(n),
  };
  const cases = [
    ...Object.entries(shapes).map(([name, make]) => ({ name, make, options: {} })),
    ...Object.entries(english).map(([name, make]) => ({ name, make, options: { lang: 'en' as const } })),
  ];
  for (const { name, make, options } of cases) {
    it(`${name}: 4x the input costs well under 16x the time`, () => {
      analyze(make(20_000), options); // warm up the JIT and the stem cache
      const small = bestTime(make(50_000), options);
      const large = bestTime(make(200_000), options);
      expect(large / Math.max(small, 1)).toBeLessThan(10);
    });
  }
});

describe('a text of endless new words', () => {
  it('leaves the analyses of later texts unchanged once the tables of word forms start again', () => {
    const press = 'La métropole intelligente et durable co-construit la smart city de demain avec ses habitants : capteurs, données, hyperviseur.';
    const found = (text: string): string[] => analyze(text, { lang: 'fr' }).findings.map((finding) => `${finding.ruleId} ${finding.actual}`);
    const before = found(press);
    expect(before.length).toBeGreaterThan(5);
    // More distinct words than the form tables hold (about 130,000): the next text starts them again.
    expect(found(Array.from({ length: 150_000 }, (_, i) => `mot${i.toString(36)}`).join(' '))).toEqual([]);
    // New words first, so that the press release's forms get numbers that forms of the long
    // text had, which every index remembered something about.
    const filler = Array.from({ length: 20_000 }, (_, i) => `neuf${i.toString(36)}`).join(' ');
    expect(found(`${filler}\n\n${press}`)).toEqual(before);
  });
});
