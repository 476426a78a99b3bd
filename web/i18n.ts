/** The page's wordings, French and English, kept as data in `locales/`. */
import en from './locales/en.json' with { type: 'json' };
import frJson from './locales/fr.json' with { type: 'json' };

export type UiLang = 'fr' | 'en';
export type Messages = typeof en;

// Typed as the English file: a key missing from the French one fails the typecheck.
const fr: Messages = frJson;
const MESSAGES: Record<UiLang, Messages> = { fr, en };

export function messagesOf(lang: UiLang): Messages {
  return MESSAGES[lang];
}

/** `template` with each `{name}` replaced by `values[name]`. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A wording by dotted key (`langNames.fr`), for the `data-i18n` attributes of the template. */
export function lookup(messages: Messages, key: string): string | undefined {
  let value: unknown = messages;
  for (const part of key.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  return typeof value === 'string' ? value : undefined;
}
