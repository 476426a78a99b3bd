/**
 * The year in a file's name (`2021-communique.txt`, `rapport_2019.pdf`): four digits from 1900
 * to 2099 with no digit on either side, so that `20210315.txt` or `12019.txt` give none. The
 * fallback of a document whose metadata gives no year.
 */
import path from 'node:path';

/** The first year in the base name of `file` (its folders are not read), or `undefined`. */
export function yearInName(file: string): number | undefined {
  const year = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(path.basename(file))?.[1];
  return year === undefined ? undefined : Number(year);
}
