import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedSections, lexiconDocument, renderReadme } from '../scripts/docs.js';

const read = (path: string): string => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('generated documentation is up to date (run `npm run docs`)', () => {
  it('README: example output, lexicon summary and rule tables come from the code and the data', () => {
    const readme = read('README.md');
    expect(renderReadme(readme, generatedSections())).toBe(readme);
  });

  it('docs/LEXICON.md lists every entry of both lexicons', () => {
    expect(read('docs/LEXICON.md')).toBe(lexiconDocument());
  });
});
