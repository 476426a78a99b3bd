import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED } from '../scripts/docs.js';
import { buildProgram } from '../src/cli/program.js';

const read = (path: string): string => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('generated documentation is up to date (run `npm run docs`)', () => {
  it.each([
    ['README.md', 'the output of npm start and of explain, the example and its output, the lexicon summary'],
    ['docs/LEXICON.md', 'every entry of both lexicons'],
    ['docs/RULES.md', 'every pattern rule of both languages'],
    ['docs/PERFORMANCE.md', 'the figures of bench/results.json'],
  ])('%s: %s', (path) => {
    const render = GENERATED[path];
    expect(render, `scripts/docs.ts generates ${path}`).toBeDefined();
    expect(read(path)).toBe(render!());
  });

  it('generates nothing this test does not check', () => {
    expect(Object.keys(GENERATED).sort()).toEqual(['README.md', 'docs/LEXICON.md', 'docs/PERFORMANCE.md', 'docs/RULES.md']);
  });
});

describe('docs/CLI.md', () => {
  it('documents every subcommand and every option of each, in backticks', () => {
    const doc = read('docs/CLI.md');
    const spans = doc.match(/`[^`\n]+`/gu) ?? [];
    const quoted = (flag: string): boolean => spans.some((span) => new RegExp(`(?<![\\w-])${flag}(?![\\w-])`, 'u').test(span));
    const program = buildProgram(() => undefined);
    const missing: string[] = [];
    for (const command of [program, ...program.commands]) {
      const name = command === program ? 'novlangue' : `novlangue ${command.name()}`;
      if (command !== program && !quoted(name)) missing.push(name);
      for (const option of command.options) {
        if (option.long && !quoted(option.long)) missing.push(`${name} ${option.long}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
