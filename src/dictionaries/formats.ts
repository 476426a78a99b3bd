/** Which dictionary format a file is, by its name: light enough for the CLI to ask before loading any converter. */
import { DICTIONARY_FORMATS, type DictionaryFormat } from './types.js';

const EXTENSIONS: Record<string, DictionaryFormat> = { '.dic': 'dic', '.dicx': 'dicx', '.yml': 'yaml', '.yaml': 'yaml' };

/** The dictionary format of a file name by its extension (`.dic`, `.dicx`, `.yml`, `.yaml`), else `undefined`. */
export function dictionaryFormatOf(file: string): DictionaryFormat | undefined {
  const dot = file.lastIndexOf('.');
  if (dot < 0) return undefined;
  const extension = file.slice(dot).toLowerCase();
  return Object.hasOwn(EXTENSIONS, extension) ? EXTENSIONS[extension] : undefined;
}

/** Whether `value` names a dictionary format. */
export function isDictionaryFormat(value: unknown): value is DictionaryFormat {
  return (DICTIONARY_FORMATS as readonly unknown[]).includes(value);
}
