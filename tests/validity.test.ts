import { describe, expect, it } from 'vitest';
import { analyze, type Analysis, type Lang } from 'novlangue';
import { expectInvariants } from './helpers.js';

/**
 * The author's voice, not the topic: texts we wrote, on one subject, in the voices of a city
 * hall, of citizens who refuse the project, of an opposition group, of a journalist who
 * reports at a distance, and of an engineer who describes the equipment.
 */
interface Voices {
  promotional: string;
  refusal: string;
  opposition: string;
  report: string;
  technical: string;
}

const VOICES: Record<Lang, Voices> = {
  fr: {
    promotional:
      "Avec son hyperviseur urbain, notre métropole devient une smart city à la pointe : des capteurs intelligents optimisent les flux en temps réel, pour une ville plus attractive, durable et inclusive. Ce projet innovant, co-construit avec les habitants, place l'humain au cœur de la transition écologique et renforce le rayonnement international du territoire.",
    refusal:
      'La ville ne sera pas une smart city. Nous ne voulons pas de capteurs dans nos rues, ni de caméras de vidéosurveillance algorithmique. Nous refusons que nos données soient confiées à un industriel et nous demandons l’abandon du projet d’hyperviseur urbain.',
    opposition:
      'Notre groupe votera contre la délibération sur la vidéosurveillance algorithmique. Nous nous opposons au centre de supervision urbaine et demandons un moratoire sur la reconnaissance faciale, tant que personne ne dit qui contrôlera les images ni pour combien de temps.',
    report:
      'Selon la mairie, la « ville intelligente » promise doit optimiser les flux grâce à des capteurs. Présenté comme innovant et co-construit, le projet reste pourtant flou : le coût du contrat n’est pas publié, et on ignore qui exploitera les données collectées.',
    technical:
      'Chaque capteur mesure la température et transmet les données toutes les dix minutes. Les données sont horodatées, puis les données brutes sont agrégées par heure. Un script contrôle les données manquantes et marque les données aberrantes. Les données agrégées sont archivées ; les données brutes sont effacées après trente jours. La documentation décrit le format des données.',
  },
  en: {
    promotional:
      'With its new urban operations centre, our city is becoming a world-leading smart city: intelligent sensors optimise traffic flows in real time for a more liveable, sustainable and inclusive city. This innovative, citizen-centric project puts people at the heart of the green transition and showcases our region as a global innovation hub.',
    refusal:
      'Our town will not become a smart city. We do not want sensors on our streets or algorithmic video surveillance. We refuse to let a vendor hold our data, and we call on the council to cancel the contract for the urban operations centre.',
    opposition:
      'Our group will vote against the motion on algorithmic video surveillance. We oppose the new operations centre and demand a moratorium on facial recognition until the council says who will control the footage and for how long.',
    report:
      'According to the council, the so-called "smart city" it promised will optimise traffic flows with sensors. Touted as innovative and citizen-centric, the project remains vague: the cost of the contract has not been published, and nobody knows who will run the data it collects.',
    technical:
      'Each sensor measures the temperature and sends its data every ten minutes. The data are time-stamped, then the raw data are aggregated by hour. A script checks for missing data and flags outlying data. Aggregated data are archived; raw data are deleted after thirty days. The documentation describes the data format.',
  },
};

const read = (text: string, lang: Lang): Analysis => {
  const analysis = analyze(text, { lang });
  expectInvariants(text, analysis);
  return analysis;
};

for (const lang of ['fr', 'en'] as const) {
  describe(`the author's voice, not the topic (${lang})`, () => {
    const voices = VOICES[lang];
    const promotional = read(voices.promotional, lang);

    it('the city hall reads promotional', () => {
      expect(promotional.stance.reading).toBe('promotional');
    });

    for (const voice of ['refusal', 'opposition', 'report', 'technical'] as const) {
      it(`a ${voice} on the same subject never reads promotional and scores below the city hall`, () => {
        const analysis = read(voices[voice], lang);
        expect(analysis.stance.reading).not.toBe('promotional');
        expect(analysis.score).toBeLessThan(promotional.score / 2);
      });
    }

    it('names of the topic are shown, and marked as topic', () => {
      const { findings } = read(voices.technical, lang);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.every((finding) => finding.role === 'topic')).toBe(true);
    });

    it('the terms a refusal rejects are held at a distance, not used', () => {
      const { findings } = read(voices.refusal, lang);
      const smartCity = findings.filter((finding) => finding.ruleId.endsWith('.smart-city'));
      expect(smartCity.length).toBe(1);
      expect(smartCity[0]!.stance).toBe('distanced');
    });
  });
}

describe('a negation governs the words right after it, not its whole clause', () => {
  it('« lutter contre le réchauffement » and « sans compromis » leave the city’s terms in its voice', () => {
    const { findings } = analyze('Pour lutter contre le réchauffement climatique, notre métropole mise sur la ville intelligente et des capteurs innovants, sans compromis sur le confort.', { lang: 'fr' });
    expect(findings.filter((f) => f.stance !== 'use').map((f) => f.ruleId)).toEqual([]);
  });

  it('"fight against climate change" and "never stop" leave the vendor’s terms in its voice', () => {
    const { findings } = analyze('We fight against climate change with innovative smart city solutions and citizen-centric services that never stop improving.', { lang: 'en' });
    expect(findings.filter((f) => f.stance !== 'use').map((f) => f.ruleId)).toEqual([]);
  });

  it('« pas de capteurs », "not a smart city": the term right after the negation is held at a distance', () => {
    expect(analyze('Nous ne voulons pas de capteurs.', { lang: 'fr' }).findings.map((f) => f.stance)).toEqual(['distanced']);
    expect(analyze('This will not be a smart city.', { lang: 'en' }).findings.filter((f) => f.ruleId === 'en.smart-city').map((f) => f.stance)).toEqual(['distanced']);
  });
});

describe('critique that the author denies is a reassurance, not a critique', () => {
  it('« ce n’est pas du flicage » in a city hall’s voice leaves it promotional', () => {
    const denied = analyze(`${VOICES.fr.promotional} Notre plateforme n’est pas du flicage : elle protège les habitants.`, { lang: 'fr' });
    expect(denied.stance.evidence).toBe(0);
    expect(denied.stance.reading).toBe('promotional');
    const said = analyze(`${VOICES.fr.promotional} Cette plateforme, c’est du flicage.`, { lang: 'fr' });
    expect(said.stance.evidence).toBeGreaterThan(0);
  });

  it('"this is not Big Brother" in a vendor\'s voice leaves it promotional', () => {
    const denied = analyze(`${VOICES.en.promotional} This is not Big Brother: it is a service for residents.`, { lang: 'en' });
    expect(denied.stance.evidence).toBe(0);
    expect(denied.stance.reading).toBe('promotional');
  });
});

describe('repetition has diminishing returns', () => {
  it('a term said nine times is nine findings, and counts for less than half of nine separate mentions', () => {
    const once = analyze('Notre ville est innovante.', { lang: 'fr' });
    const repeated = analyze('Notre ville est innovante. '.repeat(9), { lang: 'fr' });
    expect(repeated.findings.length).toBe(9);
    expect(repeated.categories.buzzwords.weighted).toBeLessThan((9 * once.categories.buzzwords.weighted) / 2);
  });
});

describe('proper names are not terms', () => {
  it('"Green" in an author\'s name fires no ecology entry; "green growth" does', () => {
    const name = analyze('As Ben Green argues in his book, cities are not computers.', { lang: 'en' });
    expect(name.findings.filter((finding) => finding.category === 'ecology-alibi')).toEqual([]);
    const claim = analyze('Our plan drives green growth across the region.', { lang: 'en' });
    expect(claim.findings.map((finding) => finding.ruleId)).toContain('en.green-growth');
  });
});

describe('short texts', () => {
  it('a text shorter than the score\'s floor is flagged short, and a long one is not', () => {
    expect(analyze('Smart city innovante !', { lang: 'fr' }).short).toBe(true);
    expect(analyze(VOICES.fr.promotional, { lang: 'fr' }).short).toBe(false);
  });

  it('a text whose score is near zero never reads promotional, however long', () => {
    const spec = `${VOICES.fr.technical} `.repeat(40) + 'Cette plateforme innovante et agile, co-construite, optimise tout.';
    const analysis = analyze(spec, { lang: 'fr' });
    expect(analysis.score).toBeLessThan(10);
    expect(analysis.stance.reading).not.toBe('promotional');
  });
});
