/**
 * Every user-facing string of the core exists in Japanese (the users' language) and English (the
 * fallback). Messages are written next to the code that emits them as `Localized` templates.
 */
export type Locale = 'ja' | 'en';

export interface Localized {
  readonly ja: string;
  readonly en: string;
}

/** Picks the locale from a BCP 47 tag as sent in LSP `initialize` (`ja`, `ja-JP`, `en-US` …). */
export function localeFromTag(tag: string | undefined | null): Locale {
  return tag && /^ja\b/i.test(tag) ? 'ja' : tag ? 'en' : 'ja';
}

/** Fills `{name}` placeholders; an unknown placeholder is left visible rather than dropped. */
export function localize(locale: Locale, message: Localized, args: Record<string, string | number> = {}): string {
  return message[locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole,
  );
}

/** A message with its placeholders filled in both languages, to be shown later in either. */
export function filled(message: Localized, args: Record<string, string | number>): Localized {
  return { ja: localize('ja', message, args), en: localize('en', message, args) };
}
