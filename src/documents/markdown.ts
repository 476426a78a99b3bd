/**
 * Markdown: the front matter split off as metadata (see `meta.ts`), the rest rendered to HTML
 * and read as HTML (see `html.ts`).
 */
import { decodeText } from './decode.js';
import { htmlToText } from './html.js';
import { parseFrontMatter, splitFrontMatter } from './meta.js';
import type { DocumentReader } from './types.js';

// Loaded on the first Markdown file, like the HTML parsers; marked ships as ES modules only.
let markedLib: Promise<typeof import('marked')> | undefined;

/** The text of a Markdown document (without its front matter): rendered, then read as HTML. */
export async function markdownToText(markdown: string, file: string): Promise<string> {
  const { marked } = await (markedLib ??= import('marked'));
  const html = marked.parse(markdown, { async: false, gfm: true });
  return htmlToText(html, file);
}

export const markdown: DocumentReader = {
  extensions: ['.md', '.markdown'],
  named: ['.md'],
  async read(bytes, file) {
    const { text, encoding } = decodeText(bytes, file);
    const { yaml, body } = splitFrontMatter(text);
    return { encoding, meta: yaml === undefined ? {} : parseFrontMatter(yaml, file), text: await markdownToText(body, file) };
  },
};
