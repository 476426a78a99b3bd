/**
 * Compare cities: group the documents by the `city` field of their metadata (a sidecar
 * `name.meta.json` or a Markdown front matter), then print each city's mean score and its
 * most frequent categories per 1,000 words, and write an HTML report with the groups side by side.
 * Run: npm run build && npx tsx examples/compare-cities.ts [folder] [report.html]
 * (the report goes to the system's temporary folder unless a path is given: never into the repository).
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CATEGORIES, analyzeCorpus, formatHtml, leanResult, summarizeCorpus, type ReportResult } from 'novlangue';

const [folder = 'corpus', output = path.join(tmpdir(), 'novlangue-cities.html')] = process.argv.slice(2);
const results: ReportResult[] = [];
for await (const result of analyzeCorpus(folder, { lang: 'auto' })) results.push(leanResult(result));

const summary = summarizeCorpus(results, { groupBy: 'city' });
for (const group of summary.groups) {
  const top = CATEGORIES.filter((category) => group.categories[category].count > 0)
    .sort((a, b) => group.categories[b].rate - group.categories[a].rate)
    .slice(0, 3)
    .map((category) => `${category} ${group.categories[category].rate.toFixed(1)}`);
  console.log(`${(group.key ?? '(no city)').padEnd(12)} ${group.documents} docs  mean score ${group.score.mean.toFixed(1).padStart(5)}  ${top.join(', ')}`);
}

await writeFile(output, await formatHtml({ results, summary }, { title: 'Cities compared' }));
console.log(`\nHTML report: ${output}`);
