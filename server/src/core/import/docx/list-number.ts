/**
 * The label Word shows for an automatic number: a value in one of OOXML's number formats
 * (ST_NumberFormat), placed into the level's text (`（%1）`, `%1.%2`, `第%1章`).
 */
import { circledChar, KATAKANA_ITEM_LABELS } from '../../text/width';

const IROHA = 'イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセスン';
const KANJI = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function kanji(value: number): string {
  if (value <= 0 || value >= 100) return String(value);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${KANJI[tens]}十`}${KANJI[ones]}`;
}

function fullWidth(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

function letters(value: number, alphabet: string): string {
  let out = '';
  let n = value;
  while (n > 0) {
    n--;
    out = alphabet[n % alphabet.length] + out;
    n = Math.floor(n / alphabet.length);
  }
  return out;
}

function roman(value: number): string {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let n = value;
  for (const [v, s] of table) while (n >= v) [out, n] = [out + s, n - v];
  return out;
}

/** One value in a number format; unknown formats fall back to decimal. */
export function formatListValue(value: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return fullWidth(String(value));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return circledChar(value) ?? `(${value})`;
    case 'decimalEnclosedParen':
      return `(${value})`;
    case 'decimalEnclosedFullstop':
      return `${value}.`;
    case 'aiueo':
    case 'aiueoFullWidth':
      return KATAKANA_ITEM_LABELS[(value - 1) % KATAKANA_ITEM_LABELS.length] ?? String(value);
    case 'iroha':
    case 'irohaFullWidth':
      return IROHA[(value - 1) % IROHA.length] ?? String(value);
    case 'japaneseCounting':
    case 'ideographTraditional':
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseLegal':
    case 'japaneseDigitalTenThousand':
      return kanji(value);
    case 'lowerLetter':
      return letters(value, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperLetter':
      return letters(value, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerRoman':
      return roman(value);
    case 'upperRoman':
      return roman(value).toUpperCase();
    default:
      return String(value);
  }
}

/** The level text with `%1`…`%9` replaced by the counters of those levels in their formats. */
export function formatListLabel(
  levelText: string,
  counters: readonly number[],
  formats: readonly string[],
  legal = false,
): string {
  return levelText.replace(/%([1-9])/g, (_, n: string) => {
    const level = Number(n) - 1;
    const value = counters[level] ?? 1;
    return formatListValue(value, legal ? 'decimal' : (formats[level] ?? 'decimal'));
  });
}
