/**
 * Command-line arguments through `node:util` parseArgs: its tokens, checked against each command's
 * options so that an unknown option, a missing value or a value given to a flag is a usage error
 * (exit 2) with a message in the user's language, never silently ignored.
 */
import { parseArgs as parseTokens } from 'node:util';
import { localeFromTag, localize, type Locale, type Localized } from '../core/i18n/locale';

/** A usage error whose message is already in the user's language. */
export class UsageError extends Error {}

export interface ArgsSpec {
  /** Options without a value (`--json`). */
  readonly flags?: readonly string[];
  /** Options with a value (`--table md`, `--table=md`). */
  readonly values?: readonly string[];
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Set<string>;
  readonly values: Map<string, string>;
}

const MESSAGES = {
  unknown: { ja: '不明なオプションです: {option}', en: 'unknown option: {option}' },
  needsValue: { ja: '{option} には値が必要です', en: '{option} needs a value' },
  noValue: { ja: '{option} は値をとりません', en: '{option} takes no value' },
} satisfies Record<string, Localized>;

/** The language of messages before --lang is read: GUIDELINE_LANG, else English for an English LANG, else Japanese. */
export function environmentLocale(): Locale {
  return localeFromTag(process.env.GUIDELINE_LANG ?? (process.env.LANG?.startsWith('en') ? 'en' : 'ja'));
}

export function usageError(locale: Locale, message: Localized, args: Record<string, string | number> = {}): UsageError {
  return new UsageError(localize(locale, message, args));
}

export function parseArgs(argv: readonly string[], spec: ArgsSpec, locale: Locale): ParsedArgs {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const positionals: string[] = [];
  const options = Object.fromEntries([
    ...(spec.flags ?? []).map((name) => [name, { type: 'boolean' as const }]),
    ...(spec.values ?? []).map((name) => [name, { type: 'string' as const }]),
  ]);
  // strict: false, so that the messages below (localized, naming the option) are ours.
  const { tokens } = parseTokens({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const option = token.rawName;
    if (spec.values?.includes(token.name)) {
      if (token.value === undefined) throw usageError(locale, MESSAGES.needsValue, { option });
      values.set(token.name, token.value);
    } else if (spec.flags?.includes(token.name)) {
      if (token.inlineValue) throw usageError(locale, MESSAGES.noValue, { option });
      flags.add(token.name);
    } else {
      throw usageError(locale, MESSAGES.unknown, { option });
    }
  }
  return { positionals, flags, values };
}

/** Options every command takes, wherever they stand on the line. */
export interface GlobalOptions {
  readonly lang: string | undefined;
  readonly config: string | undefined;
  /** The command and its own arguments, in order. */
  readonly rest: string[];
}

/**
 * Takes `--lang` and `--config` out of the line and leaves the rest (the command's own options
 * included) for the command. A global option without its value is a usage error; the locale for
 * that message is the environment's.
 */
export function parseGlobalOptions(argv: readonly string[], locale: Locale): GlobalOptions {
  const global = new Set(['lang', 'config']);
  const { tokens } = parseTokens({
    args: [...argv],
    options: { lang: { type: 'string' }, config: { type: 'string' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  let lang: string | undefined;
  let config: string | undefined;
  const taken = new Set<number>();
  for (const token of tokens) {
    if (token.kind !== 'option' || !global.has(token.name)) continue;
    if (token.value === undefined || token.value === '')
      throw usageError(locale, MESSAGES.needsValue, { option: token.rawName });
    if (token.name === 'lang') lang = token.value;
    else config = token.value;
    taken.add(token.index);
    if (!token.inlineValue) taken.add(token.index + 1);
  }
  return { lang, config, rest: argv.filter((_, i) => !taken.has(i)) };
}
