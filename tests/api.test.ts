import { describe, expect, it } from 'vitest';
import * as novlangue from 'novlangue';

describe('the public API', () => {
  it('is exactly the documented list of exports (README, "API")', () => {
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
      ].sort(),
    );
  });

  it('every export is documented in the README', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const missing = Object.keys(novlangue).filter((name) => !readme.includes(`\`${name}`));
    expect(missing).toEqual([]);
  });
});
