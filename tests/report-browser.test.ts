/**
 * The HTML report in a real browser (Debian's chromium driven by playwright-core): highlights
 * are there, the gloss shows on hover and on keyboard focus, and markup from a press release,
 * a file name, metadata or a custom lexicon is shown as text and never runs.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, bundledLexicon, extendLexicon, formatHtml, htmlSite, summarizeCorpus, type CorpusDocument, type CorpusFailure, type ReportInput } from 'novlangue';
import { HOSTILE_FAILURE, HOSTILE_FILE, HOSTILE_TEXT, hostileInput } from './fixtures/corpus/hostile.js';
import { largeInput } from './fixtures/corpus/large.js';

/**
 * The four ways out of text into markup, each setting `window.__pwned` to where it came from
 * if it ever ran: a script, an image's error handler, a `javascript:` link, and a breakout that
 * closes the elements a report might put text in (textarea, mark, dd, td…) before a script.
 */
const payloads = (where: string): string[] => [
  `<script>window.__pwned = "${where}-script"</script>`,
  `<img src=x onerror="window.__pwned = '${where}-img'">`,
  `<a href="javascript:window.__pwned = '${where}-link'">${where}</a>`,
  `</textarea></mark></dd></dl></td></tr></table></div><script>window.__pwned = "${where}-breakout"</script><textarea>`,
];

/** Every payload in every place a report shows input: text, file names, folder, metadata keys and values, a custom lexicon's note, a failure. */
const EVERYWHERE_FILE = `corpus/${payloads('file').join(' ')}.txt`;
const EVERYWHERE_TEXT = `${payloads('text').join('\n')}\nL’hyperviseur de la ville intelligente veille.`;
const EVERYWHERE_META: Record<string, string> = {
  ...Object.fromEntries(payloads('meta-key').map((key, i) => [key, `valeur ${i}`])),
  ...Object.fromEntries(['city', 'kind', 'date', 'source'].map((key, i) => [key, payloads('meta')[i]!])),
  url: 'javascript:window.__pwned = "meta-url"',
};
const EVERYWHERE_NOTE = `Note of a custom lexicon: ${payloads('note').join(' ')}`;
const EVERYWHERE_FAILURE: CorpusFailure = {
  file: `corpus/${payloads('failure').join('')}.pdf`,
  error: { code: 'EPDF_PARSE', message: `corpus/${payloads('failure-message').join('')}.pdf: cannot parse the PDF` },
};

/** The hostile fixture run, plus a document and a failure carrying every payload everywhere. */
function everywhereInput(): ReportInput {
  const lexicon = extendLexicon(
    bundledLexicon('fr'),
    { lang: 'fr', entries: [{ id: 'hyperviseur-note', category: 'surveillance', patterns: ['=hyperviseur'], weight: 5, note: EVERYWHERE_NOTE, section: 'SILENCE ET NON-DITS' }] },
    `${payloads('lexicon-file').join('')}.json`,
  );
  const document: CorpusDocument = {
    file: EVERYWHERE_FILE,
    folder: payloads('folder').join(''),
    format: 'txt',
    encoding: 'utf-8',
    bytes: Buffer.byteLength(EVERYWHERE_TEXT),
    meta: EVERYWHERE_META,
    ...analyze(EVERYWHERE_TEXT, { lexicon }),
    text: EVERYWHERE_TEXT,
  };
  const results = [...hostileInput().results, document, EVERYWHERE_FAILURE];
  return { results, summary: summarizeCorpus(results) };
}

/**
 * The browser globals the page functions use: this project compiles without the DOM library,
 * so page functions reach them through `globalThis as unknown as Browser`.
 */
interface BrowserElement {
  attributes: ArrayLike<{ name: string }>;
  classList: { contains(name: string): boolean };
  textContent: string | null;
  getAttribute(name: string): string | null;
}
interface BrowserGlobals {
  __pwned?: unknown;
  document: { querySelectorAll(selector: string): ArrayLike<BrowserElement>; activeElement: unknown };
  getComputedStyle(element: unknown, pseudo?: string): { display: string; content: string; borderBottomColor: string };
}

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);

describe('the browser test can run', () => {
  // In CI a missing browser is a failure, not a silent skip; locally the suite may skip.
  it.runIf(!available && Boolean(process.env['CI']))('finds Debian chromium', () => {
    expect.fail(`chromium is not installed at ${CHROMIUM}: run \`apt-get update && apt-get install -y chromium\` (.ci/run does it when it is missing).`);
  });
});

describe.skipIf(!available)('HTML report in headless chromium', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const dialogs: string[] = [];
  const requests: string[] = [];
  const input = everywhereInput();
  const hostile = input.results[0] as CorpusDocument;
  const everywhere = input.results.find((result) => result.file === EVERYWHERE_FILE) as CorpusDocument;
  // Documents are shown in rank order, each under the id of its rank.
  const rankOf = (file: string): number => input.summary.ranking.find((entry) => entry.file === file)!.rank;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'novlangue-html-'));
    const file = path.join(dir, 'report.html');
    writeFileSync(file, await formatHtml(input));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      if (!request.url().startsWith('file://')) requests.push(request.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs nothing from input: no payload fired, no element or handler created', async () => {
    // Give event handlers (onerror, onload) their chance to fire, then hover and focus everything.
    await page.waitForTimeout(200);
    for (const mark of await page.locator('mark').all()) {
      await mark.hover();
      await mark.focus();
    }
    expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    const injected = await page.evaluate(() => {
      const { document } = globalThis as unknown as BrowserGlobals;
      return {
        elements: document.querySelectorAll('script, img, iframe, textarea, object, embed, a[href^="javascript" i]').length,
        handlers: Array.from(document.querySelectorAll('*')).filter((el) => Array.from(el.attributes).some((a) => a.name.startsWith('on'))).length,
        svgs: Array.from(document.querySelectorAll('svg')).filter((svg) => !svg.classList.contains('chart')).length,
      };
    });
    expect(injected).toEqual({ elements: 0, handlers: 0, svgs: 0 });
  });

  it('following every link runs nothing either', async () => {
    for (const link of await page.locator('a').all()) await link.click();
    expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(page.url().startsWith('file://')).toBe(true);
  });

  it('shows every payload as text where it came from: text, file name, folder, metadata, lexicon note, failure', async () => {
    expect(everywhere.findings.map((finding) => finding.ruleId)).toContain('fr.hyperviseur-note');
    const rank = rankOf(EVERYWHERE_FILE);
    const doc = page.locator(`#doc-${rank}`);
    expect(await doc.locator('p.file').textContent()).toBe(EVERYWHERE_FILE);
    expect(await doc.locator('.text').evaluate((el) => el.textContent)).toBe(EVERYWHERE_TEXT);
    const meta = await doc.locator('dl.meta').evaluate((dl) =>
      Array.from((dl as unknown as { querySelectorAll(selector: string): ArrayLike<BrowserElement> }).querySelectorAll('dt')).map((dt) => dt.textContent),
    );
    const values = await doc.locator('dl.meta dd').allTextContents();
    const shown = Object.fromEntries(meta.map((key, i) => [key, values[i]]));
    for (const [key, value] of Object.entries(EVERYWHERE_META)) expect(shown[key], key).toBe(value);
    // The note, once, in the glossary, which the finding's row links to; its message in the tooltip.
    const finding = everywhere.findings.find((f) => f.ruleId === 'fr.hyperviseur-note')!;
    const href = await doc.locator('table.findings a', { hasText: 'fr.hyperviseur-note' }).first().getAttribute('href');
    // An attribute selector: the anchor holds the rule id's dots.
    const entry = `#glossary dt[id="${href!.slice(1)}"]`;
    expect(await page.locator(entry).textContent()).toContain('fr.hyperviseur-note');
    expect(await page.locator(`${entry} + dd`).textContent()).toContain(EVERYWHERE_NOTE);
    const tips = await doc.locator('.text mark').evaluateAll((marks) => marks.map((mark) => (mark as unknown as BrowserElement).getAttribute('data-tip') ?? ''));
    expect(tips.some((tip) => tip.includes(finding.message))).toBe(true);
    const row = page.locator('#ranking tr', { has: page.locator(`a[href="#doc-${rank}"]`) });
    expect(await row.locator('.file').textContent()).toBe(EVERYWHERE_FILE);
    expect(await page.locator('#groups').textContent()).toContain(everywhere.folder!);
    const failures = await page.locator('#failures').textContent();
    expect(failures).toContain(EVERYWHERE_FAILURE.file);
    expect(failures).toContain(EVERYWHERE_FAILURE.error.message);
  });

  it('shows the press release as text, character for character', async () => {
    const doc = `#doc-${rankOf(HOSTILE_FILE)}`;
    expect(await page.locator(`${doc} .text`).evaluate((el) => el.textContent)).toBe(HOSTILE_TEXT);
    expect(await page.locator(`${doc} p.file`).textContent()).toBe(HOSTILE_FILE);
    const meta = await page.locator(`${doc} dl.meta`).textContent();
    expect(meta).toContain('<script>window.__pwned = "meta"</script>');
    expect(await page.locator('#failures').textContent()).toContain(HOSTILE_FAILURE.error.message);
    // A French corpus: a French page.
    expect(await page.title()).toBe('Rapport novlangue');
  });

  it('highlights the findings by category', async () => {
    const marks = page.locator(`#doc-${rankOf(HOSTILE_FILE)} .text mark`);
    const texts = await marks.allTextContents();
    expect(texts.length).toBeGreaterThanOrEqual(hostile.findings.length);
    for (const finding of hostile.findings) expect(texts.join('\u0000')).toContain(finding.actual.slice(0, 4));
    const colours = await marks.evaluateAll((elements) => elements.map((el) => (globalThis as unknown as BrowserGlobals).getComputedStyle(el).borderBottomColor));
    expect(colours.every((colour) => colour !== '' && colour !== 'rgba(0, 0, 0, 0)')).toBe(true);
    // Vega's bars, drawn as static SVG paths.
    expect(await page.locator('svg.chart-distribution path[aria-roledescription="bar"]').count()).toBeGreaterThan(0);
  });

  it('shows the gloss and stance on keyboard focus (Tab), hidden otherwise', async () => {
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    const first = page.locator(`#doc-${rankOf(HOSTILE_FILE)} .text mark`).first();
    const after = (): Promise<{ display: string; content: string }> =>
      first.evaluate((el) => {
        const style = (globalThis as unknown as BrowserGlobals).getComputedStyle(el, '::after');
        return { display: style.display, content: style.content };
      });
    expect((await after()).display).toBe('none');
    // Tab through the page until the first highlight has the focus: it is keyboard-reachable.
    let focused = false;
    for (let i = 0; i < 200 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await first.evaluate((el) => el === (globalThis as unknown as BrowserGlobals).document.activeElement);
    }
    expect(focused).toBe(true);
    const shown = await after();
    expect(shown.display).toBe('block');
    const finding = hostile.findings[0]!;
    // `content` is a CSS string: quotes come back escaped.
    expect(shown.content.replaceAll('\\"', '"')).toContain(finding.message);
    expect(shown.content).toMatch(/voix propre de l’auteur|rapporté|mis à distance/);
  });

  it('shows the tooltip on hover too, and the lexicon note with markup as text in the glossary', async () => {
    // Blur the highlight focused above: its tooltip would cover the next one.
    await page.locator('h1').click();
    await page.mouse.move(0, 0);
    const cliquez = page.locator(`#doc-${rankOf(HOSTILE_FILE)} .text mark`, { hasText: 'Cliquez' }).first();
    expect(await cliquez.evaluate((el) => (globalThis as unknown as BrowserGlobals).getComputedStyle(el, '::after').display)).toBe('none');
    await cliquez.hover();
    const content = await cliquez.evaluate((el) => (globalThis as unknown as BrowserGlobals).getComputedStyle(el, '::after').content);
    expect(content).toContain('Cliquez');
    expect(await page.locator('#glossary').textContent()).toContain('<script>window.__pwned = "note"</script><img src=x onerror="window.__pwned = \'note-img\'">');
  });
});

describe.skipIf(!available)('HTML report of 2,000 documents in headless chromium', () => {
  let browser: Browser;
  let dir: string;
  const input = largeInput(2000);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'novlangue-large-'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('one page under 10 MB that opens in a few seconds, the whole ranking and the charts shown', async () => {
    const file = path.join(dir, 'report.html');
    const html = await formatHtml(input);
    writeFileSync(file, html);
    expect(Buffer.byteLength(html)).toBeLessThan(10 * 1024 * 1024);
    const page = await browser.newPage();
    const started = Date.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 30_000 });
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(10);
    expect(await page.locator('#ranking tbody tr').count()).toBe(2000);
    expect(await page.locator('article.doc').count()).toBe(50);
    for (const chart of ['distribution', 'byYear', 'topCategories', 'groups', 'groupRates']) {
      const box = await page.locator(`svg.chart-${chart}`).boundingBox();
      expect(box?.width, chart).toBeGreaterThan(200);
    }
    // The ranking reads top down: the first row is rank 1, by its title, linked to its full view.
    expect(await page.locator('#ranking tbody tr').first().locator('a').first().getAttribute('href')).toBe('#doc-1');
    await page.close();
  }, 120_000);

  it('-o DIR/: the index links every document to its own page, which links back', async () => {
    const site = path.join(dir, 'site');
    const written: string[] = [];
    for await (const { path: name, html } of htmlSite(input)) {
      const file = path.join(site, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, html);
      written.push(name);
    }
    expect(written).toHaveLength(1 + 2000);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(site, 'index.html')).href, { waitUntil: 'load', timeout: 30_000 });
    await page.locator('#ranking tbody tr').nth(2).locator('a').first().click();
    await page.waitForLoadState('load');
    expect(page.url()).toContain('/documents/');
    expect(await page.locator('article.doc h3').textContent()).toMatch(/^3\. /);
    await page.locator('table.findings a').first().click();
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/\/index\.html#rule-/);
    await page.close();
  }, 120_000);
});
