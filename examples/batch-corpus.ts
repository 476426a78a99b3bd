/**
 * A folder of documents to a ranking: every file is read (txt, md, html, pdf), analysed and
 * summarised; failures are records, printed at the end.
 * Run: npm run build && npx tsx examples/batch-corpus.ts [folder]   (default: corpus/)
 */
import { analyzeCorpus, isCorpusFailure, leanResult, summarizeCorpus, type ReportResult } from 'novlangue';

const folder = process.argv[2] ?? 'corpus';
const results: ReportResult[] = [];
for await (const result of analyzeCorpus(folder, { lang: 'auto', jobs: 2 })) {
  // Records come in path order as soon as they are ready; keep them without tokens.
  results.push(leanResult(result));
}

const summary = summarizeCorpus(results);
console.log(`${summary.documents} documents, ${summary.failures} failures, mean score ${summary.total.score.mean}\n`);
for (const entry of summary.ranking) {
  console.log(`${String(entry.rank).padStart(3)}. ${entry.score.toFixed(1).padStart(5)}  ${entry.reading.padEnd(11)}  ${entry.file}`);
}
for (const result of results) {
  if (isCorpusFailure(result)) console.log(`  ${result.error.code}  ${result.error.message}`);
}
