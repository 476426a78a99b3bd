/**
 * Markdown: the front matter split off as metadata (see `meta.ts`), the rest rendered to HTML
 * and read as HTML (see `html.ts`). Code is not prose: fenced and indented blocks and inline
 * code are left out of the text (a `smartCity` variable is not the smart city). A table's rows
 * become paragraphs of their own, one cell a line, so that each row is a sentence.
 */
import type { MarkedExtension, Tokens } from 'marked';
import { decodeText } from './decode.js';
import { markDirectives, placeDirectives } from './directives.js';
import { htmlToText } from './html.js';
import { parseFrontMatter, splitFrontMatter } from './meta.js';
import type { DocumentReader } from './types.js';

/** How novlangue renders Markdown to HTML: code dropped, table rows as paragraphs. */
const RENDERING: MarkedExtension = {
  gfm: true,
  renderer: {
    code: () => '',
    codespan: () => '',
    table(this: { parser: { parseInline(tokens: Tokens.TableCell['tokens']): string } }, token: Tokens.Table): string {
      const rows = [token.header, ...token.rows];
      return rows.map((cells) => `<p>${cells.map((cell) => this.parser.parseInline(cell.tokens)).join('<br>')}</p>\n`).join('');
    },
  },
};

// Loaded on the first Markdown file, like the HTML parsers; marked ships as ES modules only.
let renderer: Promise<(markdown: string) => string> | undefined;
const markdownRenderer = (): Promise<(markdown: string) => string> =>
  (renderer ??= import('marked').then(({ Marked }) => {
    const marked = new Marked(RENDERING);
    return (markdown: string) => marked.parse(markdown, { async: false });
  }));

/** The text of a Markdown document (without its front matter): rendered, then read as HTML. */
export async function markdownToText(markdown: string, file: string): Promise<string> {
  return htmlToText((await markdownRenderer())(markdown), file);
}

export const markdown: DocumentReader = {
  extensions: ['.md', '.markdown'],
  named: ['.md'],
  async read(bytes, file) {
    const { text, encoding } = decodeText(bytes, file);
    const { yaml, body } = splitFrontMatter(text);
    const front = yaml === undefined ? { meta: {} } : parseFrontMatter(yaml, file);
    const marked = markDirectives(body);
    const placed = placeDirectives(await markdownToText(marked.source, file), marked.directives);
    return {
      encoding,
      meta: front.meta,
      text: placed.text,
      ...(front.warning ? { warnings: [front.warning] } : {}),
      ...(placed.suppressions.length > 0 ? { suppressions: placed.suppressions } : {}),
    };
  },
};
