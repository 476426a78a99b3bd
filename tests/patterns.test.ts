import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze, bundledLexicon, bundledRules, LexiconError, loadRules, rulesTable, type Analysis, type Lang } from 'novlangue';
import { describeFindings, expectInvariants } from './helpers.js';
import { BELOT, BELOT_IN_ESSAY, CGDD_SERVICE, DIJON, ESSAY } from './fixtures/essay.js';

/**
 * Pattern rules (lexicons/rules.<lang>.json): one table per rule, texts where it must fire
 * with the exact spans it reports, and texts where it must stay quiet, near misses included.
 * Spans are written `line:col-line:col ruleId « actual »`; stance is left out on purpose
 * (the stance pass decides it, tests/stance covers it).
 */

function analyzed(text: string, lang: Lang): Analysis {
  const analysis = analyze(text, { lang });
  expectInvariants(text, analysis);
  return analysis;
}

/** The pattern findings of `text` (of rule `ruleId` if given), one line each, without stance. */
function figures(text: string, lang: Lang, ruleId?: string): string[] {
  return describeFindings(analyzed(text, lang), 'pattern')
    .map((line) => line.replace(/ (?:use|reported|distanced) « /u, ' « '))
    .filter((line) => ruleId === undefined || line.split(' ')[1] === ruleId);
}

interface RuleTable {
  /** Texts the rule fires on, with every finding of that rule. */
  fires: Array<[text: string, expected: string[]]>;
  /** Texts it must not fire on. */
  quiet: string[];
}

const FR: Record<string, RuleTable> = {
  accumulation: {
    fires: [
      [BELOT.text, ['1:35-1:95 fr.accumulation « collaborative, contributive, disruptive, inclusive, créative »']],
      [CGDD_SERVICE.text, ['1:76-1:134 fr.accumulation « ville facile, fluide, à haute qualité de vie et accessible »']],
      ['Notre métropole sera durable, résiliente, inclusive et attractive.', ['1:22-1:66 fr.accumulation « durable, résiliente, inclusive et attractive »']],
      ['Cette dimension humaine, collaborative et ouverte, est au cœur du projet dijonnais.', ['1:17-1:50 fr.accumulation « humaine, collaborative et ouverte »']],
    ],
    quiet: [
      'Nous avons acheté des pommes, des poires et des cerises.',
      // Adjectives, but none is a buzzword.
      'Une ville ancienne, calme et belle.',
      // Two items only.
      'Une ville durable et inclusive.',
      // Not coordinated: three sentences.
      'Le projet est collaboratif. Il est inclusif. Il est durable.',
    ],
  },
  inevitability: {
    fires: [
      [
        'Pour ses promoteurs comme pour les experts qui investissent ce créneau juteux – à l\'image du prospectiviste Jérémy Rifkin – la smart city est déjà décrite comme inéluctable, comme une évidence, comme le sens de l\'histoire, il n\'y aurait plus qu\'à réfléchir aux meilleurs moyens de l\'installer et de s\'y adapter au plus vite.',
        [
          '1:125-1:173 fr.inevitability « la smart city est déjà décrite comme inéluctable »',
          '1:195-1:222 fr.inevitability « comme le sens de l\'histoire »',
          '1:224-1:324 fr.inevitability « il n\'y aurait plus qu\'à réfléchir aux meilleurs moyens de l\'installer et de s\'y adapter au plus vite »',
        ],
      ],
      [
        'La transition numérique est irréversible : il n\'y a pas d\'alternative.',
        ['1:1-1:41 fr.inevitability « La transition numérique est irréversible »', '1:44-1:70 fr.inevitability « il n\'y a pas d\'alternative »'],
      ],
      [
        'Les villes doivent s\'adapter au plus vite, car tôt ou tard toutes seront connectées.',
        ['1:1-1:42 fr.inevitability « Les villes doivent s\'adapter au plus vite »', '1:44-1:84 fr.inevitability « car tôt ou tard toutes seront connectées »'],
      ],
      ['La question n\'est plus de savoir si la ville sera intelligente, mais quand.', ['1:1-1:63 fr.inevitability « La question n\'est plus de savoir si la ville sera intelligente »']],
    ],
    quiet: [
      // The adverb is left out: it qualifies anything ("inévitablement politiques").
      'Un retard inévitablement coûteux.',
      'Le sens de la visite a changé.',
      'Il y a une alternative : la sobriété.',
      'Le train part à huit heures.',
    ],
  },
  solutionism: {
    fires: [
      ['Nous relèverons les défis de la transition grâce au numérique.', ['1:1-1:62 fr.solutionism « Nous relèverons les défis de la transition grâce au numérique »']],
      [
        'Dans cette démarche partagée d\'innovation territoriale, la technologie numérique se met au service de l\'humain, et non l\'inverse.',
        ['1:57-1:111 fr.solutionism « la technologie numérique se met au service de l\'humain »'],
      ],
      ['Des solutions innovantes pour réduire la congestion.', ['1:1-1:52 fr.solutionism « Des solutions innovantes pour réduire la congestion »']],
      ['Les données sont la clé de la ville de demain.', ['1:1-1:46 fr.solutionism « Les données sont la clé de la ville de demain »']],
    ],
    quiet: [
      // Challenges met "grâce à" something that is not technology.
      'Nous relèverons les défis grâce à la mobilisation des habitants.',
      'Le numérique consomme beaucoup d\'énergie.',
      'Les défis sont immenses.',
      'La solution passe par la sobriété.',
    ],
  },
  'participation-washing': {
    fires: [
      ['La métropole intelligente de demain, ce sont d\'abord les habitants qui la font.', ['1:38-1:79 fr.participation-washing « ce sont d\'abord les habitants qui la font »']],
      [
        'La création de la métropole connectée est d\'abord une démarche collaborative.',
        ['1:1-1:77 fr.participation-washing « La création de la métropole connectée est d\'abord une démarche collaborative »'],
      ],
      ['Ce projet permettra de co-construire des services avec les usagers.', ['1:1-1:67 fr.participation-washing « Ce projet permettra de co-construire des services avec les usagers »']],
      ['Les citoyens sont au cœur du projet.', ['1:1-1:36 fr.participation-washing « Les citoyens sont au cœur du projet »']],
      ['Une ville pensée par et pour les habitants.', ['1:1-1:43 fr.participation-washing « Une ville pensée par et pour les habitants »']],
    ],
    quiet: [
      'Les habitants ont manifesté contre le projet.',
      // "ce sont … qui" with the decision-makers, not the residents.
      'Ce sont les élus qui décident.',
      'La démarche administrative est longue.',
      'Les habitants font leurs courses au marché.',
    ],
  },
  'ecology-alibi': {
    fires: [
      ['Au nom de l\'écologie, des capteurs mesurent en continu la consommation de chaque foyer.', ['1:1-1:35 fr.ecology-alibi « Au nom de l\'écologie, des capteurs »']],
      [
        'Au nom de l\'écologie et du partage s\'édifie peu à peu le monde invivable de la surveillance algorithmique totale.',
        ['1:1-1:92 fr.ecology-alibi « Au nom de l\'écologie et du partage s\'édifie peu à peu le monde invivable de la surveillance »'],
      ],
      ['La plateforme de données permettra de réduire les émissions de CO₂.', ['1:4-1:67 fr.ecology-alibi « plateforme de données permettra de réduire les émissions de CO₂ »']],
      ['Les compteurs intelligents favorisent la transition écologique.', ['1:5-1:63 fr.ecology-alibi « compteurs intelligents favorisent la transition écologique »']],
    ],
    quiet: [
      'La pollution de l\'air a encore augmenté cet hiver.',
      'Les capteurs sont installés sur les lampadaires.',
      // Ecology and sensors in two sentences.
      'Le climat se réchauffe. Les capteurs se multiplient.',
      // Too far apart.
      'Les capteurs installés l\'an dernier dans les rues du centre ancien par la société privée retenue au terme d\'un long appel d\'offres mesurent aussi la pollution.',
    ],
  },
  'surveillance-euphemism': {
    fires: [
      ['Le centre de supervision urbaine améliore la tranquillité des habitants.', ['1:1-1:72 fr.surveillance-euphemism « Le centre de supervision urbaine améliore la tranquillité des habitants »']],
      ['La vidéoprotection est au service de tous les habitants.', ['1:1-1:56 fr.surveillance-euphemism « La vidéoprotection est au service de tous les habitants »']],
      [
        'Des caméras intelligentes pour votre confort et votre sérénité au quotidien.',
        ['1:1-1:76 fr.surveillance-euphemism « Des caméras intelligentes pour votre confort et votre sérénité au quotidien »'],
      ],
    ],
    quiet: [
      'La vidéosurveillance filme les manifestants.',
      'Le service des espaces verts entretient les parcs.',
      // Surveillance named plainly, as the essay does.
      'Concrètement, l\'objectif est donc de centraliser la surveillance et le commandement en réunissant le PC sécurité, le centre de la police municipale, le centre de supervision urbaine.',
      // Cameras and a service, too far apart.
      'Les caméras ont été installées en 2019, après un vote du conseil municipal, et le service de voirie a refait la chaussée de la rue principale.',
    ],
  },
  prophecy: {
    fires: [
      ['La ville intelligente permettra de réduire la pollution.', ['1:1-1:56 fr.prophecy « La ville intelligente permettra de réduire la pollution »']],
      ['La métropole intelligente de demain, ce sont d\'abord les habitants qui la font.', ['1:1-1:36 fr.prophecy « La métropole intelligente de demain »']],
      ['D\'ici 2030, tous les quartiers seront équipés de capteurs.', ['1:13-1:58 fr.prophecy « tous les quartiers seront équipés de capteurs »']],
    ],
    quiet: [
      'La réunion sera reportée à demain.',
      // Present tense.
      'La ville intelligente permet déjà de réduire la pollution.',
      'Le menu de demain sera servi à midi.',
      // The future verb too far from the digital subject.
      'Le numérique, dont on parle tant dans les journaux depuis des années et jusqu\'à la nausée, sera au programme.',
    ],
  },
  agentless: {
    fires: [
      [BELOT.text, ['1:1-1:48 fr.agentless « il s\'agit de construire une ville collaborative »']],
      ['Il faut déployer des capteurs dans tous les quartiers.', ['1:1-1:54 fr.agentless « Il faut déployer des capteurs dans tous les quartiers »']],
      ['Le déploiement des capteurs commencera en mars.', ['1:1-1:47 fr.agentless « Le déploiement des capteurs commencera en mars »']],
      ['Des caméras seront installées dans le centre-ville.', ['1:1-1:51 fr.agentless « Des caméras seront installées dans le centre-ville »']],
      ['Cette plateforme permet de croiser toutes les données.', ['1:1-1:54 fr.agentless « Cette plateforme permet de croiser toutes les données »']],
    ],
    quiet: [
      // The author's own "il faut" of argument, not a hidden decision.
      'Il faut rappeler que ces équipements coûtent cher.',
      'Mais il ne faut pas se tromper sur ce que signifie ici « l\'intelligence ».',
      // "il s'agit d'un": identification, not a programme.
      'Il s\'agit d\'un projet coûteux.',
      // The actor is named.
      'La Métropole assure le déploiement des capteurs.',
      'Des caméras seront installées par la mairie.',
    ],
  },
  'economic-justification': {
    fires: [
      [
        'D\'un coût estimé à plus de 100 millions d\'euros, somme qui devrait officiellement être rentabilisée par les économies d\'énergies attendues, et par la vente des données récoltées aux entreprises numériques.',
        ['1:50-1:139 fr.economic-justification « somme qui devrait officiellement être rentabilisée par les économies d\'énergies attendues »'],
      ],
      ['Les capteurs permettront de réduire les coûts de maintenance.', ['1:1-1:61 fr.economic-justification « Les capteurs permettront de réduire les coûts de maintenance »']],
      ['Un retour sur investissement rapide est attendu.', ['1:1-1:48 fr.economic-justification « Un retour sur investissement rapide est attendu »']],
    ],
    quiet: [
      'Les économies de la région reposent sur le tourisme.',
      'Le coût de la vie augmente.',
      'La réduction des inégalités est un objectif.',
    ],
  },
  'metropolitan-competition': {
    fires: [
      [
        'Pour ne pas être à la traîne, la métropole veut rester à la pointe.',
        ['1:1-1:29 fr.metropolitan-competition « Pour ne pas être à la traîne »', '1:31-1:67 fr.metropolitan-competition « la métropole veut rester à la pointe »'],
      ],
      [
        'A côté de ces villes neuves conçues autour de la collecte des données, les vieilles métropoles tentent de s\'adapter pour ne pas être à la traîne !',
        ['1:72-1:145 fr.metropolitan-competition « les vieilles métropoles tentent de s\'adapter pour ne pas être à la traîne »'],
      ],
      ['Dijon craint d\'être distancée dans la course à la métropolisation.', ['1:1-1:66 fr.metropolitan-competition « Dijon craint d\'être distancée dans la course à la métropolisation »']],
      ['La ville figure en tête du classement des smart cities.', ['1:1-1:55 fr.metropolitan-competition « La ville figure en tête du classement des smart cities »']],
      ['Lyon veut rivaliser avec Barcelone.', ['1:1-1:35 fr.metropolitan-competition « Lyon veut rivaliser avec Barcelone »']],
    ],
    quiet: [
      'La course à pied attire de nombreux habitants.',
      'La pointe du Raz attire les touristes.',
      'Le classement des élèves a été publié.',
      'Nous avons rattrapé le bus.',
    ],
  },
};

const EN: Record<string, RuleTable> = {
  accumulation: {
    fires: [
      ['We are building a collaborative, inclusive, resilient and sustainable city.', ['1:19-1:75 en.accumulation « collaborative, inclusive, resilient and sustainable city »']],
      ['A seamless, sustainable and liveable city.', ['1:3-1:37 en.accumulation « seamless, sustainable and liveable »']],
    ],
    quiet: ['We bought apples, pears and cherries.', 'A quiet, old and beautiful town.'],
  },
  inevitability: {
    fires: [
      ['The smart city is inevitable: there is no alternative.', ['1:1-1:29 en.inevitability « The smart city is inevitable »', '1:31-1:54 en.inevitability « there is no alternative »']],
      ['Sooner or later, every city will have to adapt.', ['1:1-1:16 en.inevitability « Sooner or later »']],
    ],
    quiet: ['There is an alternative: less technology.', 'The question is whether we need it.'],
  },
  solutionism: {
    fires: [
      ['We will tackle the challenges of the climate crisis through data.', ['1:1-1:65 en.solutionism « We will tackle the challenges of the climate crisis through data »']],
      ['Digital solutions to urban problems are everywhere.', ['1:1-1:51 en.solutionism « Digital solutions to urban problems are everywhere »']],
    ],
    quiet: ['We will tackle these challenges through public debate.', 'Technology costs money.'],
  },
  'participation-washing': {
    fires: [
      ['The smart city of tomorrow is made by and for its residents.', ['1:1-1:60 en.participation-washing « The smart city of tomorrow is made by and for its residents »']],
      ['It\'s the residents who make the city.', ['1:1-1:37 en.participation-washing « It\'s the residents who make the city »']],
    ],
    quiet: ['Residents protested against the project.', 'It is the council who decides.'],
  },
  'ecology-alibi': {
    fires: [
      ['In the name of sustainability, sensors monitor the energy use of every household.', ['1:16-1:58 en.ecology-alibi « sustainability, sensors monitor the energy »']],
      ['Smart meters will cut carbon emissions.', ['1:1-1:39 en.ecology-alibi « Smart meters will cut carbon emissions »']],
    ],
    quiet: ['Air pollution rose again this winter.', 'Sensors were installed on lamp posts.'],
  },
  'surveillance-euphemism': {
    fires: [
      [
        'Real-time monitoring of public spaces improves the service we offer residents.',
        ['1:1-1:78 en.surveillance-euphemism « Real-time monitoring of public spaces improves the service we offer residents »'],
      ],
      ['Our cameras keep you safer.', ['1:1-1:27 en.surveillance-euphemism « Our cameras keep you safer »']],
    ],
    quiet: ['Cameras filmed the protesters.', 'The parks service maintains the gardens.'],
  },
  prophecy: {
    fires: [
      ['Smart city technology will transform the way we live.', ['1:1-1:53 en.prophecy « Smart city technology will transform the way we live »']],
      ['By 2030, sensors will be everywhere.', ['1:1-1:36 en.prophecy « By 2030, sensors will be everywhere »']],
    ],
    quiet: ['The meeting will be held tomorrow.', 'Sensors are installed today.'],
  },
  agentless: {
    fires: [
      ['Sensors will be deployed in every neighbourhood.', ['1:1-1:48 en.agentless « Sensors will be deployed in every neighbourhood »']],
      ['It is necessary to collect more data.', ['1:1-1:37 en.agentless « It is necessary to collect more data »']],
    ],
    quiet: ['Sensors will be deployed by the council.', 'The mayor decided to install sensors.'],
  },
  'economic-justification': {
    fires: [
      ['The platform will pay for itself through lower operating costs.', ['1:1-1:63 en.economic-justification « The platform will pay for itself through lower operating costs »']],
      ['Smart lighting delivers significant cost savings.', ['1:1-1:49 en.economic-justification « Smart lighting delivers significant cost savings »']],
    ],
    quiet: ['The cost of living is rising.', 'The economy of the region depends on tourism.'],
  },
  'metropolitan-competition': {
    fires: [
      [
        'We cannot afford to be left behind: the city must stay at the forefront.',
        ['1:1-1:35 en.metropolitan-competition « We cannot afford to be left behind »', '1:37-1:72 en.metropolitan-competition « the city must stay at the forefront »'],
      ],
      ['The city wants to climb the smart city rankings.', ['1:1-1:48 en.metropolitan-competition « The city wants to climb the smart city rankings »']],
    ],
    quiet: ['The race for the finish line was close.', 'She left the meeting behind schedule.'],
  },
};

const TABLES: Record<Lang, { table: Record<string, RuleTable>; fires: number; quiet: number }> = {
  fr: { table: FR, fires: 3, quiet: 3 },
  en: { table: EN, fires: 2, quiet: 2 },
};

for (const lang of ['fr', 'en'] as const) {
  const { table } = TABLES[lang];
  describe(`pattern rules (${lang})`, () => {
    for (const [id, { fires, quiet }] of Object.entries(table)) {
      const ruleId = `${lang}.${id}`;
      describe(ruleId, () => {
        it.each(fires)('fires on %s', (text, expected) => {
          expect(figures(text, lang, ruleId)).toEqual(expected);
        });
        it.each(quiet)('stays quiet on %s', (text) => {
          expect(figures(text, lang, ruleId)).toEqual([]);
        });
      });
    }
  });
}

describe('pattern rules: coverage of the tables', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`${lang}: every rule has its table, with enough texts on both sides`, () => {
      const { table, fires, quiet } = TABLES[lang];
      expect(Object.keys(table).sort()).toEqual(bundledRules(lang).rules.map((rule) => rule.data.id).sort());
      for (const [id, rows] of Object.entries(table)) {
        expect(rows.fires.length, `${id}: texts that fire`).toBeGreaterThanOrEqual(fires);
        expect(rows.quiet.length, `${id}: texts that stay quiet`).toBeGreaterThanOrEqual(quiet);
      }
    });

    it(`${lang}: has at least the rules the issue asks for, of every kind`, () => {
      const rules = bundledRules(lang).rules.map((rule) => rule.data);
      expect(rules.map((rule) => rule.id)).toEqual(
        expect.arrayContaining([
          'accumulation', 'inevitability', 'solutionism', 'participation-washing', 'ecology-alibi',
          'surveillance-euphemism', 'prophecy', 'agentless', 'economic-justification', 'metropolitan-competition',
        ]),
      );
      expect(new Set(rules.map((rule) => rule.kind))).toEqual(new Set(['cue', 'sequence', 'cooccurrence', 'enumeration']));
    });

    it(`${lang}: the example of every rule fires that rule`, () => {
      for (const { ruleId, data } of bundledRules(lang).rules) {
        expect(figures(data.example, lang, ruleId).length, `${ruleId}: « ${data.example} »`).toBeGreaterThan(0);
      }
    });
  }
});

describe('pattern findings', () => {
  it('span the whole figure, list their triggering tokens in order, and explain themselves', () => {
    const sections = new Set(bundledLexicon('fr').entries.map((entry) => entry.section));
    for (const text of [DIJON.text, BELOT_IN_ESSAY, CGDD_SERVICE.text]) {
      const analysis = analyzed(text, 'fr');
      const patterns = analysis.findings.filter((finding) => finding.kind === 'pattern');
      expect(patterns.length).toBeGreaterThan(0);
      for (const finding of patterns) {
        expect(finding.ruleId).toMatch(/^fr\.[a-z-]+$/u);
        expect(finding.tokens.length).toBeGreaterThan(0);
        finding.tokens.forEach((t, i) => {
          if (i > 0) expect(t).toBeGreaterThan(finding.tokens[i - 1]!);
          const token = analysis.tokens[t]!;
          expect(token.range[0]).toBeGreaterThanOrEqual(finding.range[0]);
          expect(token.range[1]).toBeLessThanOrEqual(finding.range[1]);
        });
        expect(finding.weight).toBeGreaterThanOrEqual(0.5);
        expect(finding.weight).toBeLessThanOrEqual(2);
        expect(finding.message.length).toBeGreaterThan(5);
        expect(finding.note.length).toBeGreaterThan(40);
        expect(sections.has(finding.section), finding.section).toBe(true);
      }
    }
  });

  it('the essay: its institutional quotations and its own critical sentences', () => {
    const essay = figures(ESSAY, 'fr');
    const actual = (ruleId: string): string[] => essay.filter((line) => line.split(' ')[1] === ruleId).map((line) => line.slice(line.indexOf('« ')));
    expect(actual('fr.accumulation')).toEqual(expect.arrayContaining([
      '« collaborative, contributive, disruptive, inclusive, créative »',
      '« ville facile, fluide, à haute qualité de vie et accessible »',
      '« humaine, collaborative et ouverte »',
    ]));
    expect(actual('fr.participation-washing')).toContain('« ce sont d\'abord les habitants qui la font »');
    expect(actual('fr.inevitability')).toContain('« la smart city est déjà décrite comme inéluctable »');
    expect(actual('fr.prophecy')).toContain('« La métropole intelligente de demain »');
    expect(actual('fr.solutionism')).toContain('« la technologie numérique se met au service de l\'humain »');
  });

  it('are deterministic', () => {
    expect(figures(ESSAY, 'fr')).toEqual(figures(ESSAY, 'fr'));
  });
});

describe('pattern rules at scale', () => {
  it('one term repeated over a megabyte: a single enumeration covering it all', () => {
    const text = 'collaborative, '.repeat(70_000).trimEnd().replace(/,$/u, '');
    expect(text.length).toBeGreaterThan(1_000_000);
    const analysis = analyze(text, { lang: 'fr' });
    const patterns = analysis.findings.filter((finding) => finding.kind === 'pattern');
    expect(patterns.map((finding) => [finding.ruleId, finding.range])).toEqual([['fr.accumulation', [0, text.length]]]);
    expect(patterns[0]!.tokens.length).toBe(70_000);
  });

  it('one cue repeated over a megabyte of one clause: merged into a single finding', () => {
    const text = 'il faut déployer '.repeat(60_000).trimEnd();
    const analysis = analyze(text, { lang: 'fr' });
    const patterns = analysis.findings.filter((finding) => finding.kind === 'pattern');
    expect(patterns.map((finding) => [finding.ruleId, finding.range])).toEqual([['fr.agentless', [0, text.length]]]);
    expect(patterns[0]!.tokens.length).toBe(3 * 60_000);
  });

  it('loads the part-of-speech tagger only when an enumeration needs it', () => {
    const script = `
      import { createRequire } from 'node:module';
      import { analyze } from 'novlangue';
      const require = createRequire(import.meta.url);
      const loaded = () => Object.keys(require.cache).some((file) => file.includes('fr-compromise'));
      const steps = [];
      analyze("Il faut déployer des capteurs. Une ville collaborative, contributive et inclusive.", { lang: 'fr' });
      steps.push(loaded());
      analyze("une ville facile, calme, à haute qualité de vie et accessible pour tous", { lang: 'fr' });
      steps.push(loaded());
      console.log(JSON.stringify(steps));
    `;
    const cwd = fileURLToPath(new URL('..', import.meta.url));
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([false, true]);
  });
});

describe('rule files', () => {
  const rule = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    id: 'hypervision-test',
    kind: 'cue',
    category: 'surveillance',
    message: 'Un message de test',
    note: 'Une glose de test assez longue pour passer le schéma des règles.',
    section: 'SILENCE ET NON-DITS',
    weight: 1,
    example: 'Un hyperviseur pilote la ville.',
    span: 'clause',
    cues: ['hyperviseur'],
    ...overrides,
  });

  function loadError(rules: unknown[], extra: Record<string, unknown> = {}): LexiconError {
    try {
      loadRules({ lang: 'fr', rules, ...extra }, 'custom-rules.json');
    } catch (error) {
      expect(error).toBeInstanceOf(LexiconError);
      return error as LexiconError;
    }
    throw new Error('expected a LexiconError');
  }

  it('load: a valid file compiles, with its rule ids prefixed by the language', () => {
    const rules = loadRules({ lang: 'fr', rules: [rule()] }, 'custom-rules.json');
    expect(rules.rules.map((r) => r.ruleId)).toEqual(['fr.hypervision-test']);
  });

  it('an unknown kind names the file, the rule and the allowed kinds', () => {
    const error = loadError([rule({ kind: 'magic' })]);
    expect(error.message).toBe('custom-rules.json (entry "hypervision-test", field "kind"): unknown kind "magic": expected one of "cue", "sequence", "cooccurrence", "enumeration"');
    expect(error).toMatchObject({ file: 'custom-rules.json', entryId: 'hypervision-test', field: 'kind' });
  });

  it('an unknown key names the file, the rule and the key, at any depth', () => {
    expect(loadError([rule({ colour: 'red' })]).message).toBe('custom-rules.json (entry "hypervision-test", field "colour"): unknown key "colour"');
    // A key of another kind is unknown too.
    expect(loadError([rule({ maxDistance: 3 })]).message).toBe('custom-rules.json (entry "hypervision-test", field "maxDistance"): unknown key "maxDistance"');
    expect(loadError([rule({ context: { window: 3, near: ['ville'], far: ['x'] } })]).message).toBe(
      'custom-rules.json (entry "hypervision-test", field "context.far"): unknown key "far"',
    );
    expect(loadError([rule()], { colour: 'red' }).message).toBe('custom-rules.json (field "colour"): unknown key "colour"');
  });

  it('missing fields, out-of-range weights and duplicate ids are errors', () => {
    const { example: _example, ...withoutExample } = rule();
    expect(loadError([withoutExample]).message).toBe('custom-rules.json (entry "hypervision-test", field "example"): must have required property \'example\'');
    expect(loadError([rule({ weight: 4 })]).message).toMatch(/^custom-rules\.json \(entry "hypervision-test", field "weight"\): must be <= 2$/u);
    expect(loadError([rule(), rule()]).message).toBe('custom-rules.json (entry "hypervision-test", field "id"): duplicate id');
  });

  it('patterns that cannot work are errors naming the field', () => {
    expect(loadError([rule({ cues: ['hyperviseur', '@category:surveillance pilote'] })]).message).toBe(
      'custom-rules.json (entry "hypervision-test", field "cues[1]"): "@category:surveillance" uses @category, #TAG or ! slots: a cue is a plain phrase, use a sequence rule',
    );
    const sequence = (patterns: string[]): Record<string, unknown> => {
      const { cues: _cues, ...rest } = rule({ kind: 'sequence', patterns });
      return rest;
    };
    expect(loadError([sequence(['$nowhere ville'])]).message).toBe('custom-rules.json (entry "hypervision-test", field "patterns[0]"): unknown set "$nowhere" in "$nowhere"');
    expect(loadError([sequence(['@category:magic ville'])]).message).toMatch(/field "patterns\[0\]"\): unknown category in "@category:magic": expected one of intelligence, /u);
    expect(loadError([sequence(['#ADJECTIVE ville'])]).message).toMatch(/field "patterns\[0\]"\): unknown part of speech "#ADJECTIVE"/u);
    expect(loadError([sequence(['*3 ville'])]).message).toMatch(/field "patterns\[0\]"\): .*must start with a required, positive slot/u);
    expect(loadError([sequence(['ville *3'])]).message).toMatch(/field "patterns\[0\]"\): .*ends with a gap/u);
    expect(loadError([sequence(['ville *12 intelligente'])]).message).toMatch(/field "patterns\[0\]"\): gap "\*12" must be between \*1 and \*8/u);
  });
});

describe('ids', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`${lang}: rule ids are unique and never clash with a lexicon entry`, () => {
      const ruleIds = bundledRules(lang).rules.map((rule) => rule.ruleId);
      expect(new Set(ruleIds).size).toBe(ruleIds.length);
      const entryIds = new Set(bundledLexicon(lang).entries.map((entry) => entry.ruleId));
      expect(ruleIds.filter((id) => entryIds.has(id))).toEqual([]);
    });
  }
});

describe('rulesTable()', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`${lang}: one row per rule, generated from the rule file`, () => {
      const table = rulesTable(lang);
      const rows = table.trimEnd().split('\n');
      const rules = bundledRules(lang).rules;
      expect(rows).toHaveLength(2 + rules.length);
      expect(rows[1]).toBe('|---|---|---|---|---|');
      rules.forEach(({ ruleId, data }, i) => {
        const row = rows[2 + i]!;
        expect(row.startsWith(`| \`${ruleId}\` (${data.kind}, ${data.category}) | `)).toBe(true);
        for (const field of [data.message, data.example, data.note, data.section]) expect(row).toContain(field.replace(/\|/gu, '\\|'));
      });
    });
  }

  it('documents any rule set, with its cells escaped', () => {
    const rules = loadRules({
      lang: 'en',
      rules: [{
        id: 'pipe-test', kind: 'cue', category: 'buzzwords', message: 'Pipes | in a message', note: 'A note long enough to pass the schema of rules, with a | pipe.',
        section: 'OUVERTURE', weight: 1, example: 'A synergy.', span: 'match', cues: ['synergy'],
      }],
    });
    expect(rulesTable('en', rules)).toBe(
      '| Rule | What it catches | Example | The essay’s argument | Section |\n' +
        '|---|---|---|---|---|\n' +
        '| `en.pipe-test` (cue, buzzwords) | Pipes \\| in a message | “A synergy.” | A note long enough to pass the schema of rules, with a \\| pipe. | OUVERTURE |\n',
    );
  });
});
