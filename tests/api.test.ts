import { describe, expect, it } from 'vitest';
import * as novlangue from 'novlangue';

describe('the public API', () => {
  it('is exactly the documented list of exports (docs/API.md)', () => {
    expect(Object.keys(novlangue).sort()).toEqual(
      [
        'CATEGORIES', 'CRITICAL_DECAY', 'CSV_DOCUMENT_COLUMNS', 'CSV_FINDING_COLUMNS', 'CSV_META_FIELDS', 'CorpusError',
        'DEFAULT_MAX_BYTES', 'DEFAULT_MIN_POOL_BYTES', 'FORMAT_OF_EXTENSION', 'LexiconError', 'MAX_HTML_DEPTH', 'MAX_JOBS',
        'MIN_WORDS', 'NovlangueError', 'PROMOTIONAL_SCORE', 'PROMOTIONAL_WEIGHT', 'REPORT_FORMATS', 'ROLE_FACTOR', 'RULE_KINDS', 'SATURATION', 'STANCE_FACTOR',
        'analyze', 'analyzeCorpus', 'bundledLexicon', 'bundledRules', 'bundledStance', 'compareFindings', 'csvHeader', 'csvRows',
        'detectLanguage', 'extendLexicon', 'extendRules', 'extendStance', 'formatCsv', 'formatHtml', 'formatJson', 'formatJsonl', 'formatMarkdown',
        'formatReport', 'formatText', 'isCorpusFailure', 'jsonlLine', 'leanResult', 'loadLexicon', 'loadRules', 'loadStance',
        'readDocument', 'reportChunks', 'rescore', 'rulesTable', 'scoreOf', 'segmentByLanguage', 'summarizeCorpus', 'tokenize',
        'validateCorpus',
        'BUILTIN_FIELDS', 'KWIC_FORMATS', 'KWIC_SORTS', 'TABLE_FORMATS', 'chiSquareP', 'compareSides', 'concordance', 'documentHits', 'fieldValue',
        'formatComparison', 'formatConcordance', 'formatTerms', 'keyness', 'logLikelihood', 'logRatio', 'parseQuery', 'sidesByField', 'sortHits', 'termFrequencies',
        'REPORT_LOCALES', 'SMALL_GROUP', 'documentPagePath', 'htmlSite', 'isSmallGroup', 'titleOf', 'questionsFor', 'questionsForAnalysis',
        'DICTIONARY_FORMATS', 'dictionaryFormatOf', 'exportLexicon', 'importDictionary', 'readDictionary', 'writeDictionary',
      ].sort(),
    );
  });

  it('every export, value or type, is documented in docs/API.md (named in backticks)', async () => {
    const { readFileSync } = await import('node:fs');
    const read = (path: string): string => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
    const doc = read('docs/API.md');
    // Values from the package itself; types from the export lists of its barrel, src/index.ts.
    const barrel = read('src/index.ts').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gmu, '');
    const types = [...barrel.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/gu)]
      .flatMap(([, list]) => list!.split(','))
      .map((name) => name.trim().replace(/^type\s+/u, '').split(/\s+as\s+/u).pop()!)
      .filter(Boolean);
    const names = [...new Set([...Object.keys(novlangue), ...types])];
    const missing = names.filter((name) => !new RegExp(`\`${name}(?![\\w$])`, 'u').test(doc));
    expect(missing).toEqual([]);
  });
});
