/**
 * The page for citizens: paste or drop a text, see its novlangue, why, and what to ask the
 * city. Everything runs here, in the page: the analyzer core is bundled in (scripts/build-web.ts)
 * and nothing is fetched or sent. Every piece of input is put in the page as text, never as
 * markup.
 */
import categories from '../lexicons/categories.json' with { type: 'json' };
import { analyze } from '../src/analyze.js';
import { summarizeCorpus } from '../src/corpus/summary.js';
import type { CorpusDocument } from '../src/records.js';
import { questionsFor, questionsTitle, categoriesFound } from '../src/questions/index.js';
import { formatCsv } from '../src/report/csv.js';
import { formatMarkdown } from '../src/report/markdown.js';
import { CATEGORIES, type Analysis, type Category, type Finding, type Lang } from '../src/types.js';
import { extractText, formatOfName, type PageFormat } from './extract.js';
import { renderAnnotated } from './highlight.js';
import { fill, lookup, messagesOf, type Messages, type UiLang } from './i18n.js';

/** Milliseconds of quiet typing before the text is analysed again. */
const TYPING_DELAY = 350;

const $ = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`novlangue page: no element #${id} in web/index.html`);
  return element as T;
};

const input = $<HTMLTextAreaElement>('input');
const live = $<HTMLInputElement>('live');
const textLang = $<HTMLSelectElement>('text-lang');
const status = $('status');
const tip = $('tip');

interface State {
  ui: UiLang;
  /** The interface language was chosen by the reader: it no longer follows the text's. */
  uiChosen: boolean;
  analysis: Analysis | undefined;
  /** The text the analysis is of. */
  text: string;
  /** Name and format of the file the text came from, if any. */
  source: { name: string; format: PageFormat } | undefined;
}

const state: State = {
  ui: (navigator.language || 'fr').toLowerCase().startsWith('en') ? 'en' : 'fr',
  uiChosen: false,
  analysis: undefined,
  text: '',
  source: undefined,
};

const t = (): Messages => messagesOf(state.ui);
const categoryName = (category: Category): string => categories[category][state.ui];
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  if (className !== undefined) element.className = className;
  return element;
};

/** The wordings of the template (`data-i18n`), in the interface language. */
function translateTemplate(): void {
  const messages = t();
  document.documentElement.lang = state.ui;
  document.title = messages.title;
  for (const element of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const value = lookup(messages, element.dataset['i18n']!);
    if (value !== undefined) element.textContent = value;
  }
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('[data-ui-lang]'))) {
    button.setAttribute('aria-pressed', String(button.dataset['uiLang'] === state.ui));
  }
  $('legend').textContent = messages.legend;
  $('questions-heading').textContent = questionsTitle(state.ui);
}

/** The plain-language sentence of a score. */
function scoreSentence(score: number): string {
  const { bands } = t();
  if (score < 5) return bands.none;
  if (score < 25) return bands.low;
  if (score < 50) return bands.mid;
  if (score < 80) return bands.high;
  return bands.veryHigh;
}

/** What a finding says, for the tooltip and for screen readers: category, voice, message, gloss, section. */
function describe(finding: Finding): { head: string; message: string; note: string; section: string } {
  const messages = t();
  return {
    head: `${categoryName(finding.category)} — ${messages.stanceMarks[finding.stance]} ${messages.stances[finding.stance]}`,
    message: finding.message,
    note: finding.note,
    section: fill(messages.section, { section: finding.section }),
  };
}

function fillTip(finding: Finding): void {
  const parts = describe(finding);
  tip.replaceChildren(el('strong', parts.head), el('span', parts.message, 'tip-message'), el('span', parts.note, 'tip-note'), el('span', parts.section, 'tip-section'));
}

let tipOwner: HTMLElement | undefined;

function showTip(mark: HTMLElement, finding: Finding): void {
  fillTip(finding);
  tipOwner = mark;
  tip.hidden = false;
  // Placed under the mark, in page coordinates (the tip's containing block is the page).
  const box = mark.getBoundingClientRect();
  const left = Math.min(box.left, document.documentElement.clientWidth - Math.min(tip.offsetWidth, 480) - 8);
  tip.style.left = `${Math.max(4, left) + window.scrollX}px`;
  tip.style.top = `${box.bottom + window.scrollY + 6}px`;
}

function hideTip(mark?: HTMLElement): void {
  if (mark !== undefined && mark !== tipOwner) return;
  tip.hidden = true;
  tipOwner = undefined;
}

/** The annotated text: every finding a mark, its explanation on hover, focus and tap. */
function renderText(analysis: Analysis, text: string): void {
  const descriptions = el('div');
  descriptions.hidden = true;
  renderAnnotated($('annotated'), text, analysis.findings, (mark, finding, index) => {
    const parts = describe(finding);
    const description = el('span', `${parts.head}. ${parts.message}. ${parts.note} ${parts.section}`);
    description.id = `finding-${index}-why`;
    descriptions.append(description);
    mark.tabIndex = 0;
    mark.setAttribute('aria-describedby', description.id);
    mark.addEventListener('mouseenter', () => showTip(mark, finding));
    mark.addEventListener('mouseleave', () => hideTip(mark));
    mark.addEventListener('focus', () => showTip(mark, finding));
    mark.addEventListener('blur', () => hideTip(mark));
    mark.addEventListener('click', () => (tipOwner === mark && !tip.hidden ? hideTip() : showTip(mark, finding)));
    mark.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') hideTip();
    });
  });
  $('annotated').append(descriptions);
}

/** A table's header row: one column header per title, scoped for screen readers. */
function headerRow(titles: readonly string[]): HTMLTableRowElement {
  const row = el('tr');
  for (const title of titles) {
    const th = el('th', title);
    th.scope = 'col';
    row.append(th);
  }
  return row;
}

/** One row per category: count, rate, and a bar of its share of the weight. */
function renderCategories(analysis: Analysis): void {
  const messages = t();
  const table = $<HTMLTableElement>('categories');
  const total = CATEGORIES.reduce((sum, category) => sum + analysis.categories[category].weighted, 0);
  const head = headerRow(messages.categoryColumns);
  const body = el('tbody');
  CATEGORIES.forEach((category, index) => {
    const stats = analysis.categories[category];
    const share = total > 0 ? stats.weighted / total : 0;
    const row = el('tr');
    const name = el('th', categoryName(category));
    name.scope = 'row';
    const barCell = el('td', undefined, 'bar-cell');
    const bar = el('span', undefined, `bar c${index}`);
    bar.setAttribute('aria-hidden', 'true');
    bar.style.width = `${(share * 100).toFixed(1)}%`;
    barCell.append(bar, el('span', `${Math.round(share * 100)} %`, 'bar-value'));
    row.append(name, el('td', String(stats.count)), el('td', stats.rate.toFixed(1)), barCell);
    body.append(row);
  });
  const thead = el('thead');
  thead.append(head);
  table.replaceChildren(thead, body);
}

/** The questions to ask for the categories found, in the interface language. */
function renderQuestions(analysis: Analysis): void {
  const container = $('questions');
  const found = categoriesFound(analysis.categories);
  if (found.length === 0) {
    container.replaceChildren(el('p', t().questionsNone));
    return;
  }
  container.replaceChildren(
    ...found.map((category) => {
      const block = el('div', undefined, 'question-group');
      const list = el('ul');
      for (const question of questionsFor(category, state.ui)) {
        const item = el('li', question.text);
        item.dataset['question'] = question.id;
        item.append(el('span', ` (${fill(t().section, { section: question.section })})`, 'question-section'));
        list.append(item);
      }
      block.append(el('h4', categoryName(category)), list);
      return block;
    }),
  );
}

/** The findings as a table, the accessible list of what the text shows highlighted. */
function renderFindings(analysis: Analysis): void {
  const container = $('findings');
  const messages = t();
  if (analysis.findings.length === 0) {
    container.replaceChildren(el('p', messages.noFindings));
    return;
  }
  const table = el('table', undefined, 'findings');
  const head = headerRow(messages.findingsColumns);
  const body = el('tbody');
  for (const finding of analysis.findings) {
    const row = el('tr');
    row.dataset['stance'] = finding.stance;
    const why = el('td');
    why.append(el('span', finding.note), el('span', ` ${fill(messages.section, { section: finding.section })}`, 'question-section'));
    row.append(
      el('td', String(finding.place.start.line)),
      el('td', finding.actual, 'actual'),
      el('td', categoryName(finding.category)),
      el('td', `${messages.stanceMarks[finding.stance]} ${messages.stances[finding.stance]}`),
      why,
    );
    body.append(row);
  }
  const thead = el('thead');
  thead.append(head);
  table.append(thead, body);
  container.replaceChildren(table);
}

function renderSummary(analysis: Analysis): void {
  const messages = t();
  const score = $('score');
  const shown = analysis.score.toFixed(1);
  score.textContent = shown;
  score.dataset['novlangueScore'] = String(analysis.score);
  $('score-sentence').textContent = scoreSentence(analysis.score);
  const reading = $('reading');
  reading.textContent = messages.readings[analysis.stance.reading];
  reading.dataset['reading'] = analysis.stance.reading;
  const langs = new Set(analysis.segments.map((segment) => segment.lang));
  $('detected').textContent = langs.size > 1 ? messages.mixed : fill(messages.detected, { lang: messages.langNames[analysis.lang] });
  $('counts').textContent = fill(messages.words, { n: analysis.words, f: analysis.findings.length });
  $('short').hidden = !analysis.short;
}

/** Everything shown of an analysis, in the interface language. */
function render(): void {
  translateTemplate();
  const { analysis } = state;
  $('results').hidden = analysis === undefined;
  if (analysis === undefined) return;
  hideTip();
  renderSummary(analysis);
  renderText(analysis, state.text);
  renderCategories(analysis);
  renderQuestions(analysis);
  renderFindings(analysis);
}

function run(): void {
  const text = input.value;
  if (text.trim() === '') {
    state.analysis = undefined;
    status.textContent = t().empty;
    render();
    return;
  }
  const lang = textLang.value as Lang | 'auto';
  state.analysis = analyze(text, { lang });
  state.text = text;
  // The interface follows the text's language until the reader picks one.
  if (!state.uiChosen) state.ui = state.analysis.lang;
  status.textContent = '';
  render();
}

let timer: ReturnType<typeof setTimeout> | undefined;
function schedule(): void {
  clearTimeout(timer);
  if (live.checked) timer = setTimeout(run, TYPING_DELAY);
}

async function readFile(file: File): Promise<void> {
  const format = formatOfName(file.name);
  if (format === undefined) {
    status.textContent = fill(t().fileError, { name: file.name, reason: t().fileUnsupported });
    return;
  }
  try {
    const text = extractText(new Uint8Array(await file.arrayBuffer()), file.name, format);
    input.value = text;
    state.source = { name: file.name, format };
    run();
    status.textContent = fill(t().fileRead, { name: file.name, format });
  } catch (error) {
    status.textContent = fill(t().fileError, { name: file.name, reason: error instanceof Error ? error.message : String(error) });
  }
}

/** The analysis as a record of the CLI's reports, so the exports are the CLI's formats. */
function asRecord(analysis: Analysis, text: string): CorpusDocument {
  const file = state.source?.name ?? (state.ui === 'fr' ? 'texte-colle.txt' : 'pasted-text.txt');
  return { file, folder: null, bytes: new TextEncoder().encode(text).length, format: state.source?.format ?? 'txt', encoding: 'utf-8', meta: {}, ...analysis, text };
}

/** Offer `content` as a download; the file is made here, nothing is sent. */
function download(content: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = el('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function exportAs(kind: 'csv' | 'md'): void {
  const { analysis } = state;
  if (analysis === undefined) return;
  const record = asRecord(analysis, state.text);
  const base = t().exportName;
  if (kind === 'csv') download(formatCsv({ results: [record] }, { per: 'finding' }), `${base}.csv`, 'text/csv;charset=utf-8');
  else download(formatMarkdown({ results: [record], summary: summarizeCorpus([record]) }, { title: record.file }), `${base}.md`, 'text/markdown;charset=utf-8');
}

input.addEventListener('input', () => {
  state.source = undefined;
  schedule();
});
$('analyze').addEventListener('click', run);
textLang.addEventListener('change', run);
$('export-csv').addEventListener('click', () => exportAs('csv'));
$('export-md').addEventListener('click', () => exportAs('md'));
$<HTMLInputElement>('file').addEventListener('change', (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file) void readFile(file);
});
for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('[data-ui-lang]'))) {
  button.addEventListener('click', () => {
    state.ui = button.dataset['uiLang'] === 'en' ? 'en' : 'fr';
    state.uiChosen = true;
    render();
  });
}
input.addEventListener('dragover', (event) => {
  event.preventDefault();
  input.classList.add('dropping');
});
input.addEventListener('dragleave', () => input.classList.remove('dropping'));
input.addEventListener('drop', (event) => {
  event.preventDefault();
  input.classList.remove('dropping');
  const file = event.dataTransfer?.files[0];
  if (file) void readFile(file);
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hideTip();
});

translateTemplate();
status.textContent = t().empty;
