import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  analyze,
  analyzeCorpus,
  bundledRules,
  bundledStance,
  extendRules,
  extendStance,
  isCorpusFailure,
  LexiconError,
  loadStance,
  type CorpusDocument,
  type StanceData,
} from 'novlangue';

/** Every kind of data the analyzer reads can be replaced or extended by its user. */

const CLI = path.resolve('dist/cli/index.js');
const work = mkdtempSync(path.join(tmpdir(), 'novlangue-custom-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PROMO = 'Notre métropole, ville intelligente et innovante, co-construit avec ses habitants une smart city attractive.';
const SPOOF = 'Cette fumisterie de la ville intelligente, innovante et co-construite, amuse les habitants.';
// A critical word of a researcher's own corpus that the bundled lists do not have.
const OWN_MARKERS: StanceData = {
  lang: 'fr',
  classes: [{ id: 'argot-critique', kind: 'critical', description: 'Mots critiques d’un corpus militant, absents des listes fournies.', markers: ['=bidonnade|=bidonnades'] }],
};
const WITH_OWN = 'Cette bidonnade de la ville intelligente, innovante et co-construite, amuse les habitants.';

const stances = (text: string, options = {}): string[] => analyze(text, { lang: 'fr', ...options }).findings.map((f) => `${f.ruleId} ${f.stance}`);

describe('stance markers of one’s own', () => {
  it('a class added to the bundled markers holds the terms of its sentences at a distance', () => {
    expect(stances(WITH_OWN).every((s) => s.endsWith(' use'))).toBe(true);
    const stance = extendStance(bundledStance('fr'), OWN_MARKERS, 'mine.json');
    expect(stances(WITH_OWN, { stance }).every((s) => s.endsWith(' distanced'))).toBe(true);
    expect(stance.sources).toEqual(['lexicons/stance.fr.json', 'mine.json']);
  });

  it('a class with the id of a bundled class replaces it', () => {
    expect(stances(SPOOF).every((s) => s.endsWith(' distanced'))).toBe(true);
    const bundledClass = bundledStance('fr').classes.find((c) => c.markers.some((m) => m.includes('fumisterie')))!;
    const without = { lang: 'fr', classes: [{ ...bundledClass, markers: ['=bidonnade'] }] };
    const stance = extendStance(bundledStance('fr'), without, 'mine.json');
    expect(stance.classes.length).toBe(bundledStance('fr').classes.length);
    expect(stances(SPOOF, { stance }).some((s) => s.endsWith(' use'))).toBe(true);
  });

  it('markers loaded on their own replace the bundled ones entirely', () => {
    const stance = loadStance(OWN_MARKERS, 'mine.json');
    expect(stances(SPOOF, { stance }).every((s) => s.endsWith(' use'))).toBe(true);
    expect(stances(WITH_OWN, { stance }).every((s) => s.endsWith(' distanced'))).toBe(true);
  });

  it('a bad file is refused with the file, the class and the field named', () => {
    const bad = { lang: 'fr', classes: [{ id: 'x-y', kind: 'sarcasm', description: 'Une classe au type inconnu.', markers: ['=bof'] }] };
    expect(() => loadStance(bad, 'mine.json')).toThrow(LexiconError);
    expect(() => loadStance(bad, 'mine.json')).toThrow(/mine\.json.*x-y.*kind/s);
    expect(() => extendStance(bundledStance('fr'), { ...OWN_MARKERS, lang: 'en' }, 'mine.json')).toThrow(/"en".*"fr"/);
  });
});

describe('pattern rules of one’s own', () => {
  const CUE = {
    lang: 'fr',
    rules: [
      {
        id: 'effet-waouh',
        kind: 'cue',
        category: 'buzzwords',
        message: 'Effet waouh',
        note: 'Une règle de test : l’émerveillement promis tient lieu d’argument.',
        section: 'OUVERTURE',
        weight: 2,
        example: 'Un effet waouh garanti.',
        span: 'clause',
        cues: ['=effet =waouh'],
      },
    ],
  };

  it('a rule added to the bundled rules finds its figure, the bundled rules still run', () => {
    const text = 'Un effet waouh garanti pour notre ville intelligente et innovante.';
    expect(stances(text).some((s) => s.startsWith('fr.effet-waouh'))).toBe(false);
    const rules = extendRules(bundledRules('fr'), CUE, 'mine.json');
    expect(rules.rules.length).toBe(bundledRules('fr').rules.length + 1);
    expect(stances(text, { rules }).some((s) => s.startsWith('fr.effet-waouh'))).toBe(true);
  });

  it('a rule with the id of a bundled rule replaces it', () => {
    const inevitability = bundledRules('fr').rules.find((rule) => rule.data.id === 'inevitability')!;
    const rules = extendRules(bundledRules('fr'), { lang: 'fr', rules: [{ ...inevitability.data, weight: 2 }] }, 'mine.json');
    const finding = analyze('La ville intelligente est inéluctable, il faut s’adapter.', { lang: 'fr', rules }).findings.find((f) => f.ruleId === 'fr.inevitability');
    expect(inevitability.data.weight).not.toBe(2);
    expect(finding?.weight).toBe(2);
  });
});

describe('analyze() options', () => {
  it('a mistyped option is refused, with the options it has', () => {
    expect(() => analyze(PROMO, { lang: 'fr', wieghts: {} } as never)).toThrow(/no option "wieghts".*weights/);
  });
});

describe('custom data in corpus runs and on the command line', () => {
  const folder = path.join(work, 'corpus');
  const files = Array.from({ length: 6 }, (_, i) => path.join(folder, `t${i}.txt`));
  const marked = path.join(work, 'mine.stance.json');
  writeFileSync(marked, JSON.stringify(OWN_MARKERS));
  mkdirSync(folder, { recursive: true });
  for (const file of files) writeFileSync(file, WITH_OWN);

  it('reach worker threads as data (jobs 2), and give the same records as in one thread', async () => {
    const stance = extendStance(bundledStance('fr'), OWN_MARKERS, marked);
    const run = async (jobs: number): Promise<string[]> => {
      const out: string[] = [];
      for await (const record of analyzeCorpus([folder], { lang: 'fr', stance, jobs, minPoolBytes: 0, lean: true })) {
        expect(isCorpusFailure(record)).toBe(false);
        out.push((record as CorpusDocument).findings.map((f) => f.stance).join(','));
      }
      return out;
    };
    const pooled = await run(2);
    expect(pooled).toEqual(await run(1));
    expect(pooled.every((line) => line.split(',').every((stance) => stance === 'distanced'))).toBe(true);
  });

  it('--stance FILE extends the bundled markers; a broken file exits 2 naming it', () => {
    const json = (args: string[]): { status: number | null; stdout: string; stderr: string } => {
      const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
      return { status: run.status, stdout: run.stdout, stderr: run.stderr };
    };
    const plain = json([files[0]!, '--lang', 'fr', '-f', 'json', '-q']);
    const own = json([files[0]!, '--lang', 'fr', '-f', 'json', '-q', '--stance', marked]);
    expect([plain.status, own.status]).toEqual([0, 0]);
    const readingOf = (stdout: string): string => (JSON.parse(stdout) as { results: Array<{ stance: { reading: string } }> }).results[0]!.stance.reading;
    expect(readingOf(plain.stdout)).toBe('promotional');
    expect(readingOf(own.stdout)).toBe('critical');
    const broken = path.join(work, 'broken.json');
    writeFileSync(broken, '{ "lang": "fr", ');
    const bad = json([files[0]!, '--stance', broken]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(broken);
  });
});

describe('several --lexicon files, and broken ones, on the command line', () => {
  const cli = (args: string[]): { status: number | null; stdout: string; stderr: string } => {
    const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };
  const text = path.join(work, 'zan.txt');
  writeFileSync(text, 'Notre ville intelligente vise le zéro artificialisation.');
  const own = path.join(work, 'own.json');
  writeFileSync(own, JSON.stringify({ lang: 'fr', categories: { greenwashing: { label: 'écoblanchiment' } }, entries: [{ id: 'zan', category: 'greenwashing', patterns: ['=zéro =artificialisation'], weight: 2 }] }));
  const off = path.join(work, 'off.json');
  writeFileSync(off, JSON.stringify({ lang: 'fr', entries: [{ id: 'ville-intelligente', weight: 0 }, { id: 'zan', category: 'greenwashing', patterns: ['=zéro =artificialisation'], weight: 3 }] }));
  const rules = (stdout: string): string[] => (JSON.parse(stdout) as { results: Array<{ findings: Array<{ ruleId: string; weight: number }> }> }).results[0]!.findings.map((f) => `${f.ruleId} ${f.weight}`);

  it('combine in order: the second uses the first one’s category, switches a bundled entry off and re-weights', () => {
    const both = cli([text, '--lang', 'fr', '-f', 'json', '-q', '--lexicon', own, '--lexicon', off]);
    expect(both.status, both.stderr).toBe(0);
    expect(rules(both.stdout)).toContain('fr.zan 3');
    expect(rules(both.stdout).some((rule) => rule.startsWith('fr.ville-intelligente'))).toBe(false);
    const html = cli([text, '--lang', 'fr', '-f', 'html', '-q', '--lexicon', own]);
    expect(html.status).toBe(0);
    expect(html.stdout).toContain('écoblanchiment');
  });

  it('a JSON syntax error names the file, the line and the column', () => {
    const broken = path.join(work, 'syntax.json');
    writeFileSync(broken, '{ "lang": "fr",\n  "entries": [ { "id": "x" "weight": 1 } ] }');
    const bad = cli([text, '--lexicon', broken]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`${broken}:2:28: the lexicon file is not valid JSON`);
  });
});
