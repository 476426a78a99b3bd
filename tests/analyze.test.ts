import { describe, expect, it } from 'vitest';
import { analyze, type Category } from 'novlangue';
import { expectInvariants } from './helpers.js';
import { BELOT, BELOT_IN_ESSAY, CGDD_OPPORTUNITY, CGDD_SERVICE, CRITICAL, DIJON, ESSAY, INSTITUTIONAL } from './fixtures/essay.js';

const categoriesOf = (text: string): Category[] =>
  (Object.entries(analyze(text).categories) as Array<[Category, { count: number }]>).filter(([, s]) => s.count > 0).map(([c]) => c);

describe('analyze(): the essay’s institutional quotations', () => {
  it('Belot: every adjective of the list is a buzzword finding', () => {
    const analysis = analyze(BELOT.text);
    expectInvariants(BELOT.text, analysis);
    const buzzwords = analysis.findings.filter((f) => f.kind === 'term' && f.category === 'buzzwords').map((f) => f.actual);
    expect(buzzwords).toEqual(['collaborative', 'contributive', 'disruptive', 'inclusive', 'créative']);
    expect(analysis.findings.every((f) => f.stance === 'use')).toBe(true);
  });

  it('CGDD: competition and management', () => {
    expect(categoriesOf(CGDD_OPPORTUNITY.text)).toContain('competition');
    expect(categoriesOf(CGDD_SERVICE.text)).toContain('management');
  });

  it('Dijon: intelligence, participation, ecology as alibi, solutionism', () => {
    expect(categoriesOf(DIJON.text)).toEqual(expect.arrayContaining(['intelligence', 'participation', 'ecology-alibi', 'solutionism']));
  });

  it('every institutional quotation scores higher than every critical passage', () => {
    const lowestInstitutional = Math.min(...INSTITUTIONAL.map((q) => analyze(q.text).score));
    const highestCritical = Math.max(...CRITICAL.map((q) => analyze(q.text).score));
    expect(lowestInstitutional).toBeGreaterThan(highestCritical);
  });

  it('the institutional quotations score at least 1.5 times the best critical paragraph', () => {
    const lowestInstitutional = Math.min(...INSTITUTIONAL.map((q) => analyze(q.text).score));
    const highestCritical = Math.max(...CRITICAL.map((q) => analyze(q.text).score));
    expect(lowestInstitutional).toBeGreaterThanOrEqual(1.5 * highestCritical);
  });
});

describe('analyze(): result shape', () => {
  it('reports categories as count, weighted sum and rate per 1,000 words', () => {
    const analysis = analyze(BELOT.text);
    const buzzwords = analysis.findings.filter((f) => f.category === 'buzzwords');
    const { count, weighted, rate } = analysis.categories.buzzwords;
    expect(count).toBe(buzzwords.length);
    expect(count).toBeGreaterThanOrEqual(5);
    expect(weighted).toBeCloseTo(buzzwords.reduce((sum, f) => sum + f.weight, 0), 2); // all in the author's voice
    expect(rate).toBeCloseTo((1000 * count) / analysis.words, 2);
  });

  it('is plain JSON and deterministic', () => {
    const first = analyze(ESSAY);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    expect(JSON.stringify(analyze(ESSAY))).toBe(JSON.stringify(first));
    expectInvariants(ESSAY, first);
  });

  it('throws a TypeError that says what it received', () => {
    expect(() => analyze(42 as unknown as string)).toThrow(new TypeError('novlangue: analyze() expects the text as a string, instead received a number (42).'));
    expect(() => analyze(undefined as unknown as string)).toThrow(/instead received undefined/);
    expect(() => analyze(Buffer.from('x') as unknown as string)).toThrow(/instead received an object/);
  });

  it('an empty or neutral text scores 0', () => {
    expect(analyze('').score).toBe(0);
    expect(analyze('La bibliothèque sera fermée le lundi 3 juin pour inventaire.').score).toBe(0);
  });
});

describe('analyze(): stance', () => {
  it('in the essay, nearly all « ville intelligente » / « smart city » findings are distanced or reported', () => {
    const findings = analyze(ESSAY).findings.filter((f) => f.category === 'intelligence' || /smart/i.test(f.actual));
    const held = findings.filter((f) => f.stance !== 'use');
    expect(findings.length).toBeGreaterThan(20);
    expect(held.length / findings.length).toBeGreaterThanOrEqual(0.9);
  });

  it('analysed on its own, the Dijon quotation is in its author’s voice', () => {
    const { findings, stance } = analyze(DIJON.text);
    expect(findings.filter((f) => f.stance === 'use').length / findings.length).toBeGreaterThanOrEqual(0.8);
    expect(stance.reading).toBe('promotional');
  });

  it('in the essay paragraph that embeds it, the Belot terms are reported', () => {
    const { findings } = analyze(BELOT_IN_ESSAY);
    const belot = findings.filter((f) => ['collaborative', 'contributive', 'disruptive', 'inclusive', 'créative'].includes(f.actual));
    expect(belot.map((f) => f.stance)).toEqual(['reported', 'reported', 'reported', 'reported', 'reported']);
  });

  it('scare quotes hold a term at a distance in a text that shows critique, and distancing markers do anywhere', () => {
    const [scare] = analyze('La « ville intelligente » envahit le langage. Cette rhétorique masque qui décide.').findings;
    expect(scare).toMatchObject({ actual: 'ville intelligente', stance: 'distanced' });
    const [name] = analyze('Le «Smart City» de Lyon est une illusion de plus.').findings;
    expect(name).toMatchObject({ actual: 'Smart City', stance: 'distanced' });
    const [dite] = analyze('Cette ville dite intelligente envahit le langage.').findings;
    expect(dite).toMatchObject({ stance: 'distanced' });
    const [plain] = analyze('Notre ville intelligente simplifie votre quotidien.').findings;
    expect(plain).toMatchObject({ stance: 'use' });
  });

  it("a promoter's quotation marks alone are no distance: metaphors and brand names are quoted too", () => {
    const findings = analyze('Notre métropole devient une « ville intelligente » au service de ses habitants, avec son « hub » de l’innovation.').findings;
    expect(findings.filter((f) => f.actual === 'ville intelligente' || f.actual === 'hub').map((f) => f.stance)).toEqual(['use', 'use']);
  });

  it('the essay as a whole reads as critical, the Dijon page as promotional', () => {
    expect(analyze(ESSAY).stance.reading).toBe('critical');
    expect(analyze(ESSAY).stance.markers.length).toBeGreaterThan(5);
  });
});
