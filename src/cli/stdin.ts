/**
 * `novlangue -`: standard input read as one document, named `-` in the reports. Its format is
 * HTML when it starts like a page (`<!DOCTYPE`, `<html`), plain text otherwise. It goes through
 * the same reader, analysis and report line as a file.
 */
import { analyzeRead } from '../corpus/analyze-file.js';
import { failure } from '../corpus/errors.js';
import type { LineFormat } from '../corpus/lines.js';
import { finish, lexiconData, rulesData, stanceData, type RunOutput, type RunSettings } from '../corpus/run-output.js';
import type { CorpusOptions } from '../corpus/types.js';
import { DEFAULT_MAX_BYTES } from '../documents/bytes.js';
import { readerOf, type DocumentText } from '../documents/index.js';
import { CorpusError } from '../errors.js';
import type { DocumentFormat } from '../records.js';
import { UsageError } from './errors.js';
import { STDIN } from './inputs.js';


/** All of standard input, refusing more than `maxBytes`. */
async function readAll(maxBytes: number): Promise<Uint8Array | CorpusError> {
  if (process.stdin.isTTY) throw new UsageError('`-` reads the document from standard input: pipe one in, e.g. `novlangue - < communique.txt`.');
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > maxBytes) return new CorpusError('ETOOLARGE', STDIN, `standard input holds more than the limit of ${maxBytes} bytes (raise it with --max-bytes)`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const formatOf = (bytes: Uint8Array): DocumentFormat => (/^\s*<(?:!doctype\s+html|html[\s>])/i.test(Buffer.from(bytes.subarray(0, 512)).toString('utf8')) ? 'html' : 'txt');

/** The record (or, with `line`, the report line) of standard input. */
export async function* stdinRecords(options: CorpusOptions, line: LineFormat | undefined): AsyncGenerator<RunOutput> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const settings: RunSettings = {
    lang: options.lang ?? 'auto',
    maxBytes,
    lexicon: options.lexicon ? lexiconData(options.lexicon) : undefined,
    rules: options.rules ? rulesData(options.rules) : undefined,
    stance: options.stance ? stanceData(options.stance) : undefined,
    weights: options.weights,
    disable: options.disable,
    lean: options.lean === true && !line,
    line,
  };
  options.onListed?.(1);
  const bytes = await readAll(maxBytes);
  const task = { file: STDIN, path: STDIN, folder: null, size: bytes instanceof Uint8Array ? bytes.length : 0 };
  if (!(bytes instanceof Uint8Array)) {
    yield finish(failure(STDIN, bytes), settings);
    return;
  }
  const format = formatOf(bytes);
  let read: DocumentText;
  try {
    read = { bytes: bytes.length, format, ...(await readerOf(format).read(bytes, STDIN)) };
  } catch (error) {
    yield finish(failure(STDIN, error, 'EEXTRACT'), settings);
    return;
  }
  yield finish(analyzeRead(task, read, settings, { lexicon: options.lexicon, rules: options.rules, stance: options.stance }), settings);
}
