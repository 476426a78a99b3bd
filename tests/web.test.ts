/**
 * The page for citizens in a real browser (Debian's chromium driven by playwright-core), opened
 * from disk as a reader would: built by `buildWeb` into a temporary folder, it analyses a
 * pasted text with no request of any kind, highlights every finding with its rule and stance,
 * reads a critic as critical, and shows the questions to ask.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, questionsFor } from 'novlangue';
import { buildWeb, type WebBuild } from '../scripts/build-web.js';

/** A press release written for this test in the register the essay criticises. */
const PROMOTIONAL = [
  'Notre métropole intelligente et connectée est une démarche collaborative, innovante et inclusive.',
  'Grâce aux capteurs et à l’hyperviseur, nous optimisons les flux en temps réel pour une ville fluide, attractive et durable.',
  'Ensemble, co-construisons la smart city de demain : la transition écologique passe par la data !',
].join('\n\n');

/** A critic's paragraph, written for this test: the same words, held at a distance. */
const CRITICAL = [
  'La prétendue « ville intelligente » n’est qu’un slogan : derrière la novlangue du « smart » et de la « co-construction », les habitants ne décident de rien.',
  'Les promoteurs de la soi-disant « transition écologique » numérique oublient ce que consomment les capteurs, et qui contrôle les données.',
].join(' ');

const ENGLISH = 'Our smart city platform is a seamless, data-driven and citizen-centric ecosystem: real-time sensors will empower residents and make the city resilient.';

/** The browser globals the page functions read (the project compiles without the DOM library). */
interface BrowserGlobals {
  document: { activeElement: { getAttribute(name: string): string | null } | null };
}

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);

describe('the web page test can run', () => {
  it.runIf(!available && Boolean(process.env['CI']))('finds Debian chromium', () => {
    expect.fail(`chromium is not installed at ${CHROMIUM}: run \`apt-get update && apt-get install -y chromium\`.`);
  });
});

describe.skipIf(!available)('the page for citizens, opened from file:// in headless chromium', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  let built: WebBuild;
  const requests: string[] = [];
  const errors: string[] = [];

  /** Paste `text`, press the button, wait for the score. */
  async function analyse(text: string): Promise<number> {
    await page.fill('#input', text);
    await page.click('#analyze');
    const score = page.locator('[data-novlangue-score]');
    await score.waitFor();
    return Number(await score.getAttribute('data-novlangue-score'));
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'novlangue-web-'));
    built = await buildWeb({ outDir: dir });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage();
    // Every request the page makes, file:// included: the page itself is the only one allowed.
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(pathToFileURL(built.file).href, { waitUntil: 'load' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is one file, with a policy that forbids every connection and allows only its own script and style', () => {
    expect(path.basename(built.file)).toBe('index.html');
    const html = readFileSync(built.file, 'utf8');
    expect(html).toContain(built.csp);
    expect(built.csp).toMatch(/default-src 'none'/u);
    expect(built.csp).toMatch(/connect-src 'none'/u);
    expect(built.csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/u);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/[^\s"']*\.(js|css)\b/iu);
  });

  it('a promotional text: a high score, many findings highlighted with their rule and stance, questions', async () => {
    const score = await analyse(PROMOTIONAL);
    const expected = analyze(PROMOTIONAL);
    expect(score).toBeGreaterThanOrEqual(60);
    expect(score).toBeCloseTo(expected.score, 5);
    expect(await page.locator('#reading').getAttribute('data-reading')).toBe('promotional');
    // Each finding is one focusable mark (crossing findings add unfocusable continuations).
    const marks = page.locator('#annotated mark[tabindex]');
    expect(await marks.count()).toBe(expected.findings.length);
    expect(expected.findings.length).toBeGreaterThanOrEqual(10);
    const shown = await marks.evaluateAll((elements) => elements.map((el) => `${el.getAttribute('data-rule')}/${el.getAttribute('data-stance')}`));
    expect(shown.sort()).toEqual(expected.findings.map((finding) => `${finding.ruleId}/${finding.stance}`).sort());
    // The annotated text is the pasted text, character for character.
    // (The hidden element at its end holds the screen-reader descriptions of the marks.)
    const annotated = await page.locator('#annotated').evaluate((el) =>
      Array.from(el.childNodes as unknown as ArrayLike<{ hidden?: boolean; textContent: string | null }>)
        .filter((node) => node.hidden !== true)
        .map((node) => node.textContent)
        .join(''),
    );
    expect(annotated).toBe(PROMOTIONAL);
    const questions = page.locator('[data-novlangue-questions]');
    expect(await questions.textContent()).toContain(questionsFor('surveillance', 'fr')[0]!.text);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
  });

  it('a finding explains itself on keyboard focus: category in words, voice, gloss and essay section', async () => {
    const first = page.locator('#annotated mark[tabindex]').first();
    await first.focus();
    const tip = page.locator('#tip');
    expect(await tip.isVisible()).toBe(true);
    const finding = analyze(PROMOTIONAL).findings[0]!;
    const text = await tip.textContent();
    expect(text).toContain(finding.note);
    expect(text).toContain(finding.section);
    expect(text).toMatch(/dans la voix de l’auteur|propos rapportés|tenu à distance/u);
    // Screen readers get the same explanation through aria-describedby.
    const described = await page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.activeElement?.getAttribute('aria-describedby') ?? '');
    expect(await page.locator(`#${described}`).textContent()).toContain(finding.note);
    await page.keyboard.press('Escape');
    expect(await tip.isVisible()).toBe(false);
  });

  it('a critic’s text reads critical, with a low score', async () => {
    const score = await analyse(CRITICAL);
    expect(await page.locator('#reading').getAttribute('data-reading')).toBe('critical');
    expect(score).toBeLessThan(20);
    const stances = await page.locator('#annotated mark[tabindex]').evaluateAll((elements) => elements.map((el) => el.getAttribute('data-stance')));
    expect(stances.length).toBeGreaterThan(0);
    expect(stances.every((stance) => stance !== 'use')).toBe(true);
  });

  it('an English text: detected as English, the interface follows, and it can be switched back', async () => {
    const score = await analyse(ENGLISH);
    expect(score).toBeCloseTo(analyze(ENGLISH).score, 5);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#detected').textContent()).toContain('English');
    expect(await page.locator('[data-novlangue-questions]').textContent()).toContain(questionsFor('surveillance', 'en')[0]!.text);
    await page.click('button[data-ui-lang="fr"]');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('[data-novlangue-questions]').textContent()).toContain(questionsFor('surveillance', 'fr')[0]!.text);
  });

  it('analyses as you type, without the button', async () => {
    await page.fill('#input', 'La ville intelligente est résiliente.');
    await page.locator('#annotated mark[data-rule="fr.ville-intelligente"]').waitFor({ timeout: 5_000 });
  });

  it('exports the findings as CSV and Markdown, made in the page', async () => {
    await analyse(PROMOTIONAL);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.split(/\r?\n/u).filter(Boolean).length).toBe(analyze(PROMOTIONAL).findings.length + 1);
    const [md] = await Promise.all([page.waitForEvent('download'), page.click('#export-md')]);
    expect(readFileSync((await md.path())!, 'utf8')).toContain('## Questions à poser');
  });

  it('reads an opened .html file for its main content: its navigation dropped, its script never run', async () => {
    const html = `<html><head><title>Communiqué</title><script>window.__pwned = 1</script></head><body>
      <nav><a href="/">Accueil</a> · <a href="/agenda">Agenda</a> · Smart city</nav>
      <article><h1>La métropole connectée</h1><p>${PROMOTIONAL}</p><img src="https://example.invalid/pixel.png" alt=""></article>
      <footer>Mentions légales</footer></body></html>`;
    await page.setInputFiles('#file', { name: 'communique.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    await page.locator('#status', { hasText: 'communique.html' }).waitFor();
    const text = await page.inputValue('#input');
    expect(text).toContain('Grâce aux capteurs');
    expect(text).not.toContain('Agenda');
    expect(text).not.toContain('Mentions légales');
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(Number(await page.locator('[data-novlangue-score]').getAttribute('data-novlangue-score'))).toBeGreaterThanOrEqual(60);
  });

  it('made no request but the page itself, and no error', () => {
    expect(requests).toEqual([pathToFileURL(built.file).href]);
    expect(errors).toEqual([]);
    expect(page.url().startsWith('file://')).toBe(true);
  });
});
