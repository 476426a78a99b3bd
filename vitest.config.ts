import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two projects, both run by `npm test` (and so by CI):
 * - `spec`: the specification tests, in this process: `npm run test:fast` runs them alone, in
 *   seconds. A new test file lands here unless it is listed below.
 * - `process`: the test files that start processes or threads: the built CLI (cli, validate-cli,
 *   reliability, custom-data), worker pools (corpus, custom-data), a browser (report-browser),
 *   and the generated docs, which run the example and the CLI to show their output (docs).
 * Both read the built package (`import 'novlangue'` resolves to dist/): build before running them.
 */
const PROCESS = [
  'tests/cli.test.ts',
  'tests/cli-safety.test.ts',
  'tests/compare.test.ts',
  'tests/config.test.ts',
  'tests/corpus.test.ts',
  'tests/custom-data.test.ts',
  'tests/docs.test.ts',
  'tests/kwic.test.ts',
  'tests/reliability.test.ts',
  'tests/terms.test.ts',
  'tests/report-browser.test.ts',
  'tests/validate-cli.test.ts',
  'tests/web.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'spec', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...PROCESS] } },
      { extends: true, test: { name: 'process', include: PROCESS } },
    ],
  },
});
