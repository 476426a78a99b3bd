import { expect } from 'vitest';
import type { Analysis } from 'novlangue';

/** The invariants every analysis must satisfy, checked in every test that analyses a text. */
export function expectInvariants(text: string, analysis: Analysis): void {
  for (const token of analysis.tokens) {
    expect(text.slice(token.range[0], token.range[1])).toBe(token.text);
    expect(token.place.start.offset).toBe(token.range[0]);
    expect(token.place.end.offset).toBe(token.range[1]);
  }
  let previous: [number, number, string] = [-1, -1, ''];
  for (const finding of analysis.findings) {
    expect(finding.range[0]).toBeGreaterThanOrEqual(0);
    expect(finding.range[1]).toBeLessThanOrEqual(text.length);
    expect(text.slice(finding.range[0], finding.range[1])).toBe(finding.actual);
    expect(finding.place.start.offset).toBe(finding.range[0]);
    const key: [number, number, string] = [finding.range[0], finding.range[1], finding.ruleId];
    const ordered = key[0] > previous[0] || (key[0] === previous[0] && (key[1] > previous[1] || (key[1] === previous[1] && key[2] > previous[2])));
    expect(ordered, `findings sorted without duplicates at ${finding.ruleId} ${finding.range.join('-')}`).toBe(true);
    previous = key;
  }
  expect(analysis.score).toBeGreaterThanOrEqual(0);
  expect(analysis.score).toBeLessThanOrEqual(100);
}

/** One line per finding, textlint-tester style: `1:19-1:31 fr.ville-intelligente use « ville intelligente »`. */
export function describeFindings(analysis: Analysis, kind?: 'term' | 'pattern'): string[] {
  return analysis.findings
    .filter((finding) => kind === undefined || finding.kind === kind)
    .map(({ place, ruleId, stance, actual }) => `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column} ${ruleId} ${stance} « ${actual} »`);
}

/** An RFC 4180 parser, written independently of the report and of `--resume`: rows of cells. */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const char = csv[i]!;
    if (quoted) {
      if (char === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && csv[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      expect(char, `bare ${JSON.stringify(char)} at ${i}`).not.toMatch(/[\r\n"]/);
      field += char;
    }
  }
  expect(field === '' && row.length === 0, 'CSV ends with CRLF').toBe(true);
  return rows;
}
