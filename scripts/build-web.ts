/**
 * `npm run build:web`: the page for citizens, `dist-web/index.html`, one self-contained file
 * that works opened from disk (`file://`), offline. The analyzer core, its data and the English
 * pipeline are bundled for the browser by esbuild from `web/main.ts`; the script and the style
 * sheet are inlined, and a Content-Security-Policy allows exactly those two (by hash) and
 * forbids every connection, frame, form and remote resource.
 *
 * The core loads its CommonJS packages synchronously with `createRequire(import.meta.url)`
 * (wink-nlp and its model, natural's stemmers, compromise): the `node:module` plugin below gives
 * the bundle a `createRequire` that serves exactly those packages, bundled, so the core runs
 * unchanged in Node and in the page.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { LANGUAGES } from '../src/languages/index.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WEB = path.join(ROOT, 'web');

/** Where `buildWeb` writes, and whether it minifies. */
export interface BuildWebOptions {
  /** Default `dist-web/` of the project. */
  outDir?: string;
  /** Default true: the page is about three times smaller minified. */
  minify?: boolean;
}

/** What `buildWeb` wrote. */
export interface WebBuild {
  /** The page: open it in a browser. */
  file: string;
  /** Its size, in bytes. */
  bytes: number;
  /** The Content-Security-Policy the page carries. */
  csp: string;
}

/**
 * The packages the core `require`s: wink-nlp and its English model (src/tokenize/english.ts),
 * and each language's stemmer and tagger, named by the language registry (src/tokenize/stem.ts,
 * src/rules/pos.ts). A package not listed here is not in the page, and requiring it says so.
 */
export function requiredPackages(): string[] {
  const named = Object.values(LANGUAGES).flatMap((language) => [language.stemmer, language.tagger]);
  return [...new Set(['wink-nlp', 'wink-eng-lite-web-model', ...named])];
}

/**
 * `node:module` for the browser: a `createRequire` whose `require` returns the bundled
 * packages above, each evaluated on first use as in Node (a French text never starts wink).
 */
function nodeModuleShim(packages: readonly string[]): Plugin {
  const loaders = packages.map((name) => `  ${JSON.stringify(name)}: () => require(${JSON.stringify(name)}),`).join('\n');
  const contents = `const loaders = {\n${loaders}\n};
export function createRequire() {
  return function requireBundled(id) {
    const load = loaders[id];
    if (load === undefined) throw new Error('novlangue page: ' + JSON.stringify(id) + ' is not bundled (scripts/build-web.ts, requiredPackages)');
    return load();
  };
}
`;
  return {
    name: 'novlangue-node-module',
    setup(plugin) {
      plugin.onResolve({ filter: /^node:module$/ }, () => ({ path: 'node:module', namespace: 'novlangue-shim' }));
      plugin.onLoad({ filter: /.*/, namespace: 'novlangue-shim' }, () => ({ contents, loader: 'js', resolveDir: ROOT }));
    },
  };
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page's policy: its one script and its one style sheet, by hash; nothing else, from nowhere. */
export function contentSecurityPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(style)}`,
    'img-src data:',
    "connect-src 'none'",
    "font-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/**
 * The bundle made safe to sit inside `<script>`: `<!--` (marked has it in a regular expression)
 * and `</script` would change how the HTML parser reads the element. Both can only occur in
 * string, template or regular expression literals, where `\x3C` means the same `<`.
 */
function escapeScript(script: string): string {
  return script.replace(/<(?=!--|\/script)/giu, '\\x3C');
}

/**
 * Text that may sit inside `<script>` or `<style>`: no `</script`, `</style` or `<!--`, which
 * would end the element early or change how the HTML parser reads it.
 */
function checkInline(text: string, element: 'script' | 'style', source: string): string {
  const bad = new RegExp(`</${element}|<!--`, 'iu').exec(text);
  if (bad) throw new Error(`${source}: cannot be inlined in <${element}>: it holds ${JSON.stringify(bad[0])} at offset ${bad.index}.`);
  return text;
}

function fillTemplate(template: string, values: Record<string, string>, file: string): string {
  return template.replace(/\{\{(\w+)\}\}/gu, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${file}: unknown placeholder ${whole}; expected one of ${Object.keys(values).join(', ')}.`);
    return value;
  });
}

/** Bundle, inline and write the page. */
export async function buildWeb(options: BuildWebOptions = {}): Promise<WebBuild> {
  const outDir = options.outDir ?? path.join(ROOT, 'dist-web');
  const bundle = await build({
    entryPoints: [path.join(WEB, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    minify: options.minify ?? true,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
    // The core reads import.meta.url only to hand it to createRequire, which the shim ignores.
    define: { 'import.meta.url': '"file:///novlangue-page"', 'process.env.NODE_ENV': '"production"' },
    plugins: [nodeModuleShim(requiredPackages())],
  });
  const script = checkInline(escapeScript(bundle.outputFiles[0]!.text), 'script', 'web/main.ts (bundled)');
  const style = checkInline(readFileSync(path.join(WEB, 'style.css'), 'utf8'), 'style', 'web/style.css');
  const csp = contentSecurityPolicy(script, style);
  const page = fillTemplate(readFileSync(path.join(WEB, 'index.html'), 'utf8'), { csp, style, script }, 'web/index.html');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'index.html');
  writeFileSync(file, page);
  return { file, bytes: Buffer.byteLength(page), csp };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const built = await buildWeb();
  const kib = (built.bytes / 1024).toFixed(0);
  process.stdout.write(`${path.relative(process.cwd(), built.file)}: ${kib} KiB, built in ${((performance.now() - started) / 1000).toFixed(1)} s. Open it in a browser.\n`);
}
