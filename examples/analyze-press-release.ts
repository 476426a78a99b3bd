/**
 * Analyse one press release and print its score, categories and findings.
 * Run: npm run build && npx tsx examples/analyze-press-release.ts
 */
import { analyze, CATEGORIES } from 'novlangue';

const pressRelease = `La Métropole inaugure son poste de pilotage connecté. Grâce à des solutions innovantes,
cette plateforme centralise en temps réel les données de 4 000 capteurs pour une ville plus fluide,
plus durable et plus attractive. Les habitants seront invités à co-construire les services de demain.`;

const result = analyze(pressRelease);

console.log(`score ${result.score}/100 · ${result.words} words · reading: ${result.stance.reading}`);
for (const category of CATEGORIES) {
  const { count, rate } = result.categories[category];
  if (count > 0) console.log(`  ${category.padEnd(14)} ${count} (${rate} per 1,000 words)`);
}
for (const finding of result.findings) {
  const { line, column } = finding.place.start;
  console.log(`  ${line}:${column} ${finding.ruleId} [${finding.stance}] « ${finding.actual.replace(/\s+/g, " ")} »`);
}
