/**
 * The text of a PDF: its text layer, extracted offline by unpdf (pdf.js), and what its Info
 * dictionary says of it (`Title`, `CreationDate`: `pdf-info.ts`). A scanned PDF has no text
 * layer: that is a clear error, not an empty document scoring 0.
 */
import { CorpusError } from '../errors.js';
import type { Meta } from '../records.js';
import { pdfInfoMeta } from './pdf-info.js';
import type { DocumentReader } from './types.js';

/** Text of every page, pages separated by a blank line, and the metadata of the Info dictionary. */
export async function readPdf(bytes: Uint8Array, file: string): Promise<{ text: string; meta: Meta }> {
  // Loaded on first use: pdf.js is large and most corpora have no PDF.
  const { getDocumentProxy, extractText } = await import('unpdf');
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: pdf.js may detach the buffer it is given. No eval, no fonts, no logging on stdout.
    document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const password = error instanceof Error && error.name === 'PasswordException';
    throw new CorpusError('EPDF_PARSE', file, password ? `encrypted PDF (${reason}); save an unprotected copy` : `cannot parse the PDF (${reason})`, { cause: error });
  }
  try {
    const { totalPages, text } = await extractText(document, { mergePages: false });
    const joined = text.map((page) => page.trim()).join('\n\n');
    if (joined.trim() === '') {
      throw new CorpusError('EPDF_NO_TEXT', file, `PDF of ${totalPages} page${totalPages === 1 ? '' : 's'} with no text layer (a scan?); run OCR on it first (e.g. ocrmypdf)`);
    }
    // The Info dictionary is a courtesy: a broken one costs the fields, never the text.
    const info = await document.getMetadata().then(
      (metadata) => metadata.info as Record<string, unknown>,
      () => ({}),
    );
    return { text: joined, meta: pdfInfoMeta(info) };
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    throw new CorpusError('EPDF_PARSE', file, `cannot read the PDF’s text (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  } finally {
    await document.destroy();
  }
}

export const pdf: DocumentReader = {
  extensions: ['.pdf'],
  named: ['.pdf'],
  async read(bytes, file) {
    const { text, meta } = await readPdf(bytes, file);
    return { encoding: null, meta, text };
  },
};
