/** Plain text: the decoded bytes, as they are. */
import { decodeText } from './decode.js';
import type { DocumentReader } from './types.js';

export const txt: DocumentReader = {
  extensions: ['', '.txt', '.text'],
  named: ['.txt'],
  read(bytes, file) {
    const { text, encoding } = decodeText(bytes, file);
    return { encoding, meta: {}, text };
  },
};
