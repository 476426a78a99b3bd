/**
 * Bytes to text. A byte order mark decides (UTF-8, UTF-16 LE/BE); otherwise UTF-8 when
 * the bytes are valid UTF-8, else Windows-1252, which many municipal documents still use (and
 * which reads ISO-8859-1 too). Binary files are refused rather than analysed as garbage.
 */
import { CorpusError } from '../errors.js';
import type { TextEncoding } from '../records.js';

/** How much of the text the binary check looks at (git looks at 8,000 bytes). */
const SNIFF = 8000;
/** Above this share of control characters in the sniffed text, a file is binary. */
const MAX_CONTROL_SHARE = 0.1;

const BOMS: Array<{ bytes: number[]; encoding: TextEncoding; label: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8-bom', label: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le', label: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be', label: 'utf-16be' },
];

/**
 * Windows-1252 bytes 0x80-0x9F (the WHATWG table; 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined
 * and stay C1 controls). Node 20's TextDecoder('windows-1252') decodes them as ISO-8859-1
 * controls, losing €, ’, œ, «…», so the range is mapped here.
 */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decode Windows-1252 (every byte maps to a character, so this cannot fail). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  // Chunks keep String.fromCharCode's argument list short on large files.
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    const codes = new Array<number>(chunk.length);
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      codes[i] = byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte;
    }
    text += String.fromCharCode(...codes);
  }
  return text;
}

const startsWith = (bytes: Uint8Array, prefix: number[]): boolean => prefix.every((byte, i) => bytes[i] === byte);

/** Controls that never occur in text: C0 except tab, line feed, vertical tab, form feed, carriage return; DEL; C1. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

/** Throws EBINARY when the start of the text is not text. */
function refuseBinary(text: string, file: string): void {
  const sniff = text.slice(0, SNIFF);
  const nul = sniff.indexOf('\u0000');
  if (nul !== -1) throw new CorpusError('EBINARY', file, `binary file (NUL character at offset ${nul}), not a text document`);
  const controls = sniff.match(CONTROL)?.length ?? 0;
  if (sniff.length > 0 && controls / sniff.length > MAX_CONTROL_SHARE) {
    throw new CorpusError('EBINARY', file, `binary file (${controls} control characters in the first ${sniff.length}), not a text document`);
  }
}

/**
 * Decode a text file.
 * @param file the name used in error messages
 * @throws {CorpusError} EDECODE when a byte order mark announces an encoding the bytes do not
 * follow; EBINARY when the content is not text
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: TextEncoding } {
  for (const bom of BOMS) {
    if (!startsWith(bytes, bom.bytes)) continue;
    let text: string;
    try {
      text = new TextDecoder(bom.label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bom.bytes.length));
    } catch (error) {
      throw new CorpusError('EDECODE', file, `starts with a ${bom.label.toUpperCase()} byte order mark but is not valid ${bom.label.toUpperCase()}`, { cause: error });
    }
    refuseBinary(text, file);
    return { text, encoding: bom.encoding };
  }
  let decoded: { text: string; encoding: TextEncoding };
  try {
    decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Binary content also lands here, and is caught below.
    decoded = { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
  refuseBinary(decoded.text, file);
  return decoded;
}
