import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, tokenize, type Category } from 'novlangue';
import { describeFindings, expectInvariants } from './helpers.js';
import {
  CAMERAS_ON_LAMPPOSTS,
  CONNECTED_COMMUNITIES,
  CRITICAL,
  GREEN_ALIBI,
  HARBOURSIDE_DISTRICT,
  MARKETING,
  NEXORA_PLATFORM,
  SALES_PITCH,
  SMART_NATION_2030,
  WATERFRONT_LAB,
} from './fixtures/english.js';

const en = (text: string) => tokenize(text, 'en');
const texts = (input: string): string[] => en(input).tokens.map((t) => t.text);
const kinds = (input: string): string[] => en(input).tokens.map((t) => `${t.text}:${t.kind}`);
const sentences = (input: string): string[] => en(input).sentences.map((s) => input.slice(s.range[0], s.range[1]));
const categoriesOf = (text: string): Category[] =>
  (Object.entries(analyze(text, { lang: 'en' }).categories) as Array<[Category, { count: number }]>).filter(([, s]) => s.count > 0).map(([c]) => c);

/** Tokens in order, each slicing to its text, none holding whitespace, only blank characters between them. */
function expectExactTokens(text: string): void {
  const { tokens, sentences: spans } = en(text);
  let cursor = 0;
  for (const token of tokens) {
    expect(text.slice(token.range[0], token.range[1])).toBe(token.text);
    expect(token.range[1]).toBeGreaterThan(token.range[0]);
    expect(/\s/u.test(token.text), `whitespace inside ${JSON.stringify(token.text)}`).toBe(false);
    expect(/^[\s\p{Cc}\p{Cf}]*$/u.test(text.slice(cursor, token.range[0])), `gap before ${JSON.stringify(token.text)} at ${token.range[0]}`).toBe(true);
    cursor = token.range[1];
  }
  expect(/^[\s\p{Cc}\p{Cf}]*$/u.test(text.slice(cursor))).toBe(true);
  let next = 0;
  for (const span of spans) {
    expect(span.tokenStart).toBe(next);
    expect(span.tokenEnd).toBeGreaterThan(span.tokenStart);
    next = span.tokenEnd;
  }
  expect(next).toBe(tokens.length);
}

describe('English tokenizer (wink-nlp): phenomena', () => {
  it('keeps hyphenated compounds whole, wherever wink splits them', () => {
    expect(texts('data-driven co-creation world-class state-of-the-art self-styled so-called AI-powered e-government')).toEqual([
      'data-driven', 'co-creation', 'world-class', 'state-of-the-art', 'self-styled', 'so-called', 'AI-powered', 'e-government',
    ]);
  });

  it('does not glue a hyphen with a space on either side, nor a compound that starts with a digit', () => {
    expect(texts('pre- and post-war, a 4-year-old, 2020-2030')).toEqual(['pre', '-', 'and', 'post-war', ',', 'a', '4', '-', 'year-old', ',', '2020-2030']);
  });

  it('splits contractions and possessives as wink does, Songdo’s like Toronto’s', () => {
    expect(texts("The city can't wait, it isn't here")).toEqual(['The', 'city', 'ca', "n't", 'wait', ',', 'it', 'is', "n't", 'here']);
    expect(texts("e.g. Songdo’s plan and Toronto's plan, tomorrow’s city")).toEqual([
      'e.g.', 'Songdo', '’s', 'plan', 'and', 'Toronto', "'s", 'plan', ',', 'tomorrow', '’s', 'city',
    ]);
  });

  it('keeps version numbers, 5G and CO₂ whole and footnote calls apart', () => {
    expect(kinds('Industry 4.0. 5G and CO₂ emissions³')).toEqual([
      'Industry:word', '4.0:number', '.:punct', '5G:word', 'and:word', 'CO₂:word', 'emissions:word', '³:footnote',
    ]);
  });

  it('makes quotation marks tokens of their own, and keeps apostrophes inside words', () => {
    expect(kinds('“smart” "city" ‘lab’ o\'clock')).toEqual([
      '“:quote', 'smart:word', '”:quote', '":quote', 'city:word', '":quote', '‘:quote', 'lab:word', '’:quote', "o'clock:word",
    ]);
  });

  it('leaves the full stop out of a URL, and splits hashtags and mentions from their sign', () => {
    expect(kinds('See https://nexora.example/cities. #SmartCity @Nexora')).toEqual([
      'See:word', 'https://nexora.example/cities:url', '.:punct', '#:symbol', 'SmartCity:word', '@:symbol', 'Nexora:word',
    ]);
  });

  it('tags every word with a universal part of speech', () => {
    const { tokens } = en('The data-driven city delivers seamless services.');
    expect(tokens.map((t) => `${t.text}:${t.pos}`)).toEqual([
      'The:DET', 'data-driven:ADJ', 'city:NOUN', 'delivers:VERB', 'seamless:ADJ', 'services:NOUN', '.:PUNCT',
    ]);
  });

  it('normalises and stems English words', () => {
    const [token] = en('Cities').tokens;
    expect(token).toMatchObject({ text: 'Cities', norm: 'cities', stem: 'citi' });
  });
});

describe('English tokenizer: sentences', () => {
  it('does not end a sentence after an abbreviation', () => {
    expect(sentences('Mr. Smith met the U.S. delegation, e.g. the mayor. Then they left.')).toEqual([
      'Mr. Smith met the U.S. delegation, e.g. the mayor.',
      'Then they left.',
    ]);
  });

  it('keeps the closing quotation mark with its sentence', () => {
    expect(sentences('He called it “smart.” Nobody agreed.')).toEqual(['He called it “smart.”', 'Nobody agreed.']);
  });

  it('ends a sentence at a blank line (headings have no full stop)', () => {
    expect(sentences('SMART CITIES\n\nThe future is here.')).toEqual(['SMART CITIES', 'The future is here.']);
  });
});

describe('English tokenizer: offsets rebuilt from wink are exact', () => {
  const hostile: Array<[name: string, text: string, tokens: string[]]> = [
    ['CRLF and lone CR', 'Smart city.\r\nData-driven.\rDone.', ['Smart', 'city', '.', 'Data-driven', '.', 'Done', '.']],
    ['NBSP and narrow NBSP', 'smart\u00a0city ; data\u202fdriven', ['smart', 'city', ';', 'data', 'driven']],
    ['a run of spaces longer than wink counts', `smart${' '.repeat(70_000)}city data-driven`, ['smart', 'city', 'data-driven']],
    ['exotic spaces', 'smart\u3000city\u2028data\u2029driven\u0085lab\u000bhub\u000ctwin', ['smart', 'city', 'data', 'driven', 'lab', 'hub', 'twin']],
    ['surrogate pairs and ZWJ emoji', 'smart 👨‍👩‍👧 city 🇫🇷 𝒳 data', ['smart', '👨', '👩', '👧', 'city', '🇫', '🇷', '𝒳', 'data']],
    ['lone surrogates', 'smart \ud800 city \udc00 data', ['smart', '\ud800', 'city', '\udc00', 'data']],
    ['combining accents', 'cafe\u0301 re\u0301sume\u0301 smart city', ['cafe\u0301', 're\u0301sume\u0301', 'smart', 'city']],
    ['zero-width and control characters', 'smart\u200bcity \u0000data\u0007 \u200fdriven', ['smart', 'city', 'data', 'driven']],
    ['an exotic space inside a token wink does not know', '³\u3000³ smart', ['³', '³', 'smart']],
    ['runs too long for wink go to the regex scanner', `x ${'co-'.repeat(30)} https://nexora.example/${'p'.repeat(70)}. data-driven`, [
      'x', `${'co-'.repeat(29)}co`, '-', `https://nexora.example/${'p'.repeat(70)}`, '.', 'data-driven',
    ]],
    ['leading and trailing blanks', '   \n\n  smart city  \n ', ['smart', 'city']],
  ];
  for (const [name, text, expected] of hostile) {
    it(name, () => {
      expect(texts(text)).toEqual(expected);
      expectExactTokens(text);
      expectInvariants(text, analyze(text, { lang: 'en' }));
    });
  }

  it('holds on arbitrary strings', () => {
    const alphabet = fc.constantFrom(
      ...'a’\'-“”"‘., \n\r\t\u00a0\u3000#@:/0123³₂😀\u0301\ud800\u200b\u0000'.split(''),
      'data-', 'smart ', 'city', "n't ", 'https://x.example/a.', '4.0', '   ', 'co-'.repeat(25), 'x'.repeat(66),
    );
    const arbitrary = fc.oneof(fc.string({ maxLength: 200 }), fc.array(alphabet, { maxLength: 80 }).map((parts) => parts.join('')));
    fc.assert(fc.property(arbitrary, (text) => expectExactTokens(text)), { numRuns: 300 });
  });
});

describe('analyze(text, { lang: "en" }): marketing and critical commentary', () => {
  it('every marketing text scores above every critical text', () => {
    const lowestMarketing = Math.min(...MARKETING.map((f) => analyze(f.text, { lang: 'en' }).score));
    const highestCritical = Math.max(...CRITICAL.map((f) => analyze(f.text, { lang: 'en' }).score));
    expect(lowestMarketing).toBeGreaterThan(highestCritical);
  });

  it('marketing is read as promotional, commentary as critical', () => {
    for (const fixture of MARKETING) expect(analyze(fixture.text, { lang: 'en' }).stance.reading, fixture.id).toBe('promotional');
    for (const fixture of CRITICAL) expect(analyze(fixture.text, { lang: 'en' }).stance.reading, fixture.id).toBe('critical');
  });

  it('the invariants hold on every token and finding, and the result is deterministic', () => {
    for (const fixture of [...MARKETING, ...CRITICAL]) {
      const analysis = analyze(fixture.text, { lang: 'en' });
      expect(analysis.lang).toBe('en');
      expectInvariants(fixture.text, analysis);
      expect(analysis.findings.every((f) => f.ruleId.startsWith('en.'))).toBe(true);
      expect(JSON.stringify(analyze(fixture.text, { lang: 'en' }))).toBe(JSON.stringify(analysis));
    }
  });

  it('finds the categories of each marketing text', () => {
    expect(categoriesOf(NEXORA_PLATFORM.text)).toEqual(expect.arrayContaining(['intelligence', 'management', 'surveillance', 'buzzwords']));
    expect(categoriesOf(CONNECTED_COMMUNITIES.text)).toEqual(expect.arrayContaining(['intelligence', 'surveillance', 'solutionism']));
    expect(categoriesOf(HARBOURSIDE_DISTRICT.text)).toEqual(expect.arrayContaining(['participation', 'solutionism', 'ecology-alibi']));
    expect(categoriesOf(SMART_NATION_2030.text)).toEqual(expect.arrayContaining(['competition', 'surveillance', 'ecology-alibi', 'buzzwords']));
  });

  it('marketing speaks novlangue in its own voice', () => {
    for (const fixture of MARKETING) {
      const analysis = analyze(fixture.text, { lang: 'en' });
      expect(analysis.findings.length, fixture.id).toBeGreaterThanOrEqual(8);
      expect(analysis.findings.every((f) => f.stance === 'use'), fixture.id).toBe(true);
    }
  });

  it('finds hyphenated and multi-word terms with their exact place', () => {
    expect(describeFindings(analyze(SMART_NATION_2030.text, { lang: 'en' }), 'term')).toEqual([
      '1:1-1:13 en.smart-nation use « Smart Nation »',
      '1:29-1:43 en.innovation-hub use « Innovation Hub »',
      '3:1-3:16 en.bold-vision use « Our ambition is »',
      '3:31-3:44 en.smartest-city use « smartest city »',
      '3:65-3:86 en.destination-of-choice use « destination of choice »',
      '3:121-3:140 en.data-new-oil use « Data is the new oil »',
      '3:160-3:169 en.ecosystem use « ecosystem »',
      '3:175-3:187 en.unlock-value use « unlock value »',
      '5:1-5:19 en.facial-recognition use « Facial recognition »',
      '5:24-5:44 en.predictive-policing use « predictive analytics »',
      '5:79-5:90 en.smart-grid-meter use « smart grids »',
      '5:95-5:106 en.sustainable use « sustainable »',
      '5:124-5:137 en.green-growth use « green economy »',
      '5:167-5:179 en.future-proof use « future-proof »',
      '5:181-5:193 en.frictionless use « frictionless »',
      '5:204-5:217 en.frontrunner use « leads the way »',
    ]);
  });
});

describe('analyze(text, { lang: "en" }): stance', () => {
  const stances = (text: string): string[] => analyze(text, { lang: 'en' }).findings.map((f) => `${f.ruleId} ${f.stance}`);

  it('scare quotes and so-called hold a term at a distance', () => {
    expect(stances(SALES_PITCH.text)).toEqual(['en.smart-city distanced', 'en.seamless distanced', 'en.citizen-centric distanced', 'en.efficiency distanced']);
  });

  it('“the rhetoric of”, “supposedly”, “purported”, “self-styled”, “self-proclaimed” are distancing markers', () => {
    const markersOf = (text: string): string[] => analyze(text, { lang: 'en' }).stance.markers.map((m) => m.marker);
    expect(markersOf(CAMERAS_ON_LAMPPOSTS.text)).toEqual(expect.arrayContaining(['rhetoric', 'supposedly', 'what the brochures call']));
    expect(markersOf(GREEN_ALIBI.text)).toEqual(expect.arrayContaining(['purported', 'self-styled', 'so-called', 'slogan']));
    expect(markersOf(WATERFRONT_LAB.text)).toEqual(expect.arrayContaining(['self-proclaimed', 'so-called', 'discourse']));
  });

  it('the same term is used in marketing and held at a distance in commentary', () => {
    const plain = analyze('Our data-driven platform makes the city work better for everyone.', { lang: 'en' });
    const distanced = analyze('The rhetoric of the data-driven city hides who decides.', { lang: 'en' });
    expect(plain.findings.map((f) => `${f.actual} ${f.stance}`)).toEqual(['data-driven use']);
    expect(distanced.findings.map((f) => `${f.actual} ${f.stance}`)).toEqual(['data-driven distanced']);
  });

  it('no critical text has a finding in the author’s own voice', () => {
    for (const fixture of CRITICAL) {
      const analysis = analyze(fixture.text, { lang: 'en' });
      expect(analysis.findings.length, fixture.id).toBeGreaterThan(0);
      expect(analysis.findings.filter((f) => f.stance === 'use').map((f) => f.actual), fixture.id).toEqual([]);
    }
  });
});

describe('the English model is loaded lazily', () => {
  it('a French-only run does not load wink-eng-lite-web-model; the first English call does', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const script = `
      import { analyze, tokenize } from 'novlangue';
      import { createRequire } from 'node:module';
      const require = createRequire(process.cwd() + '/');
      const loaded = () => Object.keys(require.cache).some((file) => file.includes('wink-eng-lite-web-model'));
      const atImport = loaded();
      analyze('La métropole lance son living lab dédié à la smart city et à l’open data.', { lang: 'fr' });
      tokenize('Les données de la ville intelligente.', 'fr');
      const afterFrench = loaded();
      analyze('The smart city is here.', { lang: 'en' });
      console.log(JSON.stringify({ atImport, afterFrench, afterEnglish: loaded() }));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ atImport: false, afterFrench: false, afterEnglish: true });
  });
});
