/**
 * Why a file is not a comment document, in the user's language: the header-like cells it holds
 * (read as a table: tabs, commas, runs of spaces, Markdown pipes) against the column names expected.
 */
import { localize, type Locale } from '../i18n/locale';
import { decodeBytes } from '../text/encoding';
import { EXPECTED_HEADERS } from './grid/header';

const MESSAGE = {
  ja: '意見の文書として読めません。見つかった見出し候補: {seen}。必要な列名: {expected}（または YAML・JSON の comments）。',
  en: 'not a comment document. Header-like cells seen: {seen}. Expected column names: {expected} (or YAML/JSON with comments).',
};

/** Control characters and replacement characters: bytes of a binary file, not a header cell. */
function hasBinary(cell: string): boolean {
  for (const ch of cell) {
    const code = ch.codePointAt(0)!;
    if (code < 0x09 || code === 0xfffd) return true;
  }
  return false;
}

export function unreadableMessage(bytes: Uint8Array, locale: Locale): string {
  const text = decodeBytes(bytes).text.slice(0, 20000);
  const cells = text
    .split(/\r?\n/, 40)
    .flatMap((line) => line.split(/\t|,|\||\s{2,}/))
    .map((c) => c.replace(/^[#\s*"]+|[\s*"]+$/g, ''))
    .filter((c) => c !== '' && c.length <= 24 && !/^-+$/.test(c) && !hasBinary(c));
  const seen = [...new Set(cells)].slice(0, 8);
  return localize(locale, MESSAGE, {
    seen: seen.length > 0 ? seen.map((s) => `「${s}」`).join('') : '—',
    expected: EXPECTED_HEADERS,
  });
}
