/**
 * Plain-text tables of the figures. Nothing here measures anything.
 */
import { describeFailures, type CliRow, type StartUp } from './cli.js';
import type { HostileResult } from './hostile.js';
import type { Outcome } from './measure.js';
import type { Target } from './targets.js';
import type { ThroughputRow } from './throughput.js';

type Align = 'left' | 'right';

/**
 * A table with a header row, columns padded to their widest cell. A row with fewer cells than
 * the header ("not available: …") lets its last cell run over the columns it lacks.
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[]): string {
  const sized = (row: readonly string[], column: number): number => (column < row.length - 1 || row.length === headers.length ? (row[column] ?? '').length : 0);
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => sized(row, column))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => {
        if (column === cells.length - 1 && cells.length < headers.length) return cell;
        return align[column] === 'right' ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!);
      })
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** 1234567 → "1.23 M", 12345 → "12.3 k". */
export function si(value: number): string {
  if (value >= 999_500) return `${(value / 1e6).toFixed(2)} M`;
  if (value >= 999.5) return `${(value / 1e3).toFixed(1)} k`;
  return value.toFixed(0);
}

export const mb = (bytes: number): string => (bytes / 1e6).toFixed(2);
export const rateOf = (mbPerS: number): string => (mbPerS >= 10 ? mbPerS.toFixed(1) : mbPerS.toFixed(2));
export const ms = (value: number): string => value.toFixed(value < 10 ? 1 : 0);
const seconds = (milliseconds: number): string => (milliseconds / 1000).toFixed(2);
const notAvailable = (outcome: { ok: false; reason: string }): string => `not available: ${outcome.reason}`;

export function throughputTable(rows: ThroughputRow[]): string {
  const cells = rows.map((row) => {
    if (!row.result.ok) return [row.lang, row.label, notAvailable(row.result)];
    const r = row.result.value;
    return [
      row.lang,
      row.label,
      mb(r.bytes),
      rateOf(r.mbPerS),
      r.tokensPerS === undefined ? '—' : si(r.tokensPerS),
      r.tokens === undefined ? '—' : si(r.tokens),
      r.findings === undefined ? '—' : si(r.findings),
      ms(r.timing.bestMs),
      r.timing.runsMs.map(ms).join(' '),
    ];
  });
  return table(['lang', 'tool', 'MB', 'MB/s', 'tokens/s', 'tokens', 'findings', 'best ms', 'runs ms'], cells,
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left']);
}

export function hostileTable(results: HostileResult[]): string {
  const cells = results.map((result) => {
    const full = result.steps[result.steps.length - 1];
    const measured = result.steps.filter((step) => step.bestMs !== undefined);
    const last = measured[measured.length - 1];
    let note = result.error ?? '';
    if (result.fullMs === undefined && last && full?.predictedMs !== undefined) {
      note = `stopped at ${si(last.chars)} chars (${ms(last.bestMs!)} ms); next size predicted ${seconds(full.predictedMs)} s`;
    }
    return [
      result.lang,
      result.label,
      full === undefined ? '—' : si(full.chars),
      result.fullMs === undefined ? '—' : ms(result.fullMs),
      result.ratio === undefined ? '—' : `${result.extrapolated ? '~' : ''}${result.ratio >= 100 ? result.ratio.toFixed(0) : result.ratio.toFixed(2)}x`,
      result.growth === undefined ? '—' : `${result.growth.toFixed(1)}x`,
      note,
    ];
  });
  return table(['lang', 'input', 'chars', 'ms', 'vs prose', '4x input →', 'note'], cells, ['left', 'left', 'right', 'right', 'right', 'right', 'left']);
}

export function startUpTable(rows: Array<{ label: string; result: Outcome<StartUp> }>): string {
  const cells = rows.map(({ label, result }) =>
    result.ok
      ? [label, ms(result.value.bestMs), result.value.runsMs.map(ms).join(' '), result.value.peakRssMb === undefined ? '—' : result.value.peakRssMb.toFixed(0)]
      : [label, notAvailable(result)]);
  return table(['command', 'best ms', 'runs ms', 'peak RSS MB'], cells, ['left', 'right', 'left', 'right']);
}

export function cliTable(rows: CliRow[]): string {
  const cells = rows.map((row) => {
    if (!row.result.ok) return [row.label, notAvailable(row.result)];
    const r = row.result.value;
    return [
      row.label,
      String(r.files),
      mb(r.bytes),
      seconds(r.wallMs),
      si(r.filesPerS),
      rateOf(r.mbPerS),
      (r.wallMs / (r.bytes / 1e6)).toFixed(0),
      r.peakRssMb === undefined ? '—' : r.peakRssMb.toFixed(0),
      `${r.lines}/${r.files}`,
      describeFailures(r.failures) ?? (r.format === 'jsonl' ? 'none' : '—'),
    ];
  });
  return table(['run', 'files', 'MB', 'wall s', 'files/s', 'MB/s', 'ms/MB', 'peak RSS MB', 'lines/files', 'failed files'], cells,
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left']);
}

export function targetsTable(targets: Target[]): string {
  const mark = { met: 'met', 'not met': 'NOT MET', 'not measured': 'not measured' } as const;
  return table(['verdict', 'target', 'measured'], targets.map((target) => [mark[target.verdict], target.target, target.measured]), ['left', 'left', 'left']);
}
