/** What `novlangue calibrate` writes: the weights file (see lexicons/weights.schema.json) and its summary. */
import { LANGS } from '../languages/index.js';
import { terminalText } from '../report/escape.js';
import { CATEGORIES } from '../types.js';
import type { WeightsFile } from '../weights/load.js';
import type { Calibration, CalibrateSettings } from './calibrate.js';
import { GRID, ROUNDS } from './calibrate.js';
import type { Selection } from './types.js';

export interface CalibrationContext {
  settings: CalibrateSettings;
  selection: Selection;
  /** `novlangue 0.1.0`: what fitted the weights (scores change between versions). */
  tool: string;
}

/** The weights file: the fitted multipliers and, under `fitted`, how they were fitted and what they gain. */
export function weightsFileOf(calibration: Calibration, { settings, selection, tool }: CalibrationContext): WeightsFile {
  const byLang: Record<string, unknown> = {};
  for (const [lang, fit] of Object.entries(calibration.byLang)) {
    byLang[lang] = { documents: fit.documents, positive: fit.positive, others: fit.others, fitted: fit.weights !== null, auc: fit.auc };
  }
  return {
    weights: calibration.weights,
    fitted: {
      by: `${tool} calibrate`,
      positive: settings.positive,
      documents: selection.documents.length,
      leftOut: {
        unlabelled: selection.unlabelled.length,
        excluded: Object.fromEntries(Object.entries(selection.excluded).map(([label, files]) => [label, files.length])),
        failures: selection.failures.length,
      },
      method: { objective: 'AUC positive vs rest − penalty × Σ|multiplier − 1|', grid: settings.grid ?? GRID, rounds: settings.rounds ?? ROUNDS, penalty: settings.penalty, folds: settings.folds, seed: settings.seed },
      byLang,
    },
  };
}

const figure = (value: number | null | undefined): string => (value === null || value === undefined ? 'n/a' : value.toFixed(3));

/** The summary printed after calibration: AUC before, after and out-of-fold per language, and the multipliers. */
export function calibrationSummary(calibration: Calibration, context: CalibrationContext, written: string): string {
  const { settings, selection } = context;
  const out = [`Calibration: ${JSON.stringify(settings.positive)} against the rest, ${selection.documents.length} documents; ${settings.folds}-fold cross-validation, seed ${settings.seed}, penalty ${settings.penalty}`];
  const header = ['lang', 'docs', settings.positive, 'AUC before', 'after (fitted on all)', `after (out-of-fold)`];
  const rows: string[][] = [];
  const multipliers: string[] = [];
  for (const lang of LANGS) {
    const fit = calibration.byLang[lang];
    if (!fit) continue;
    rows.push([lang, String(fit.documents), String(fit.positive), figure(fit.auc.before), fit.weights ? figure(fit.auc.after) : 'not fitted', fit.auc.crossValidated ? figure(fit.auc.crossValidated.after) : 'n/a']);
    multipliers.push(fit.weights ? `  ${lang}  ${CATEGORIES.map((category) => `${category} ${fit.weights![category]}`).join(', ')}` : `  ${lang}  not fitted: it needs ${JSON.stringify(settings.positive)} documents and others; its multipliers stay 1`);
  }
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => `  ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')}`;
  out.push(line(header), ...rows.map(line), '', 'Multipliers:', ...multipliers, '');
  out.push(
    'The out-of-fold AUC scores each fold with weights fitted on the other folds: it is the figure to trust.',
    'If it is not above the AUC before, the weights do not generalise beyond the documents they were fitted on.',
    `Wrote ${terminalText(written)}; use it with --weights ${terminalText(written)} (novlangue, novlangue validate).`,
  );
  return `${out.join('\n')}\n`;
}
