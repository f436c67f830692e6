/**
 * Rule 11 of issue 17: numbers in horizontal text (「公用文作成の考え方」 (2022), 数字の使い方).
 *
 * - `official-number-kanji`: 「1つ」「２つ」 → 「一つ」「二つ」: 和語の数詞 and 熟語 keep kanji
 *   (一つ, 一部, 一般, 一人一人); Arabic numerals are for counts and quantities (3件, 10人).
 * - `official-number-comma`: amounts and counts of four digits and more take a comma every three
 *   digits (1,000円, 12,500人). Years (2015年), numbers of laws, articles and sections, ids
 *   (ISO/IEC 27001) and telephone numbers are not amounts: only a number followed by a counter of
 *   money or things is checked.
 * - `official-number-counter`: 「3ヶ月」「5ケ所」「3カ月」「3ヵ国」 → 「3か月」「5か所」「3か国」.
 *   「箇月」「箇所」 (the 法令 forms) are left alone.
 */
import type { Localized } from '../../../i18n/locale';
import type { SegmentContext, SegmentFinding, SegmentRule } from '../../types';
import { replacementFinding, scanPatterns, type PatternEntry } from './common';
import { execAll } from '../../../text/regex';

const OFFICIAL_NUMBER_KANJI = 'official-number-kanji';
const OFFICIAL_NUMBER_COMMA = 'official-number-comma';
const OFFICIAL_NUMBER_COUNTER = 'official-number-counter';

const KANJI_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

const KANJI_NOTE: Localized = {
  ja: '（「一つ」「二つ」のような和語の数え方は漢数字）',
  en: ' (native counts such as 一つ, 二つ are written with kanji numerals)',
};
const COUNTER_NOTE: Localized = { ja: '（「か月」「か所」は平仮名）', en: ' (か月 and か所 are written in hiragana)' };

const KANJI_ENTRIES: readonly PatternEntry[] = [
  {
    // A lone digit 1–9 before つ (not 10つ, not 2.5つ).
    pattern: /[1-9１-９](?=つ)(?<![0-9０-９.．,，][1-9１-９])/g,
    expected: (m) => KANJI_DIGITS[Number(m[0].normalize('NFKC'))] ?? m[0],
    note: KANJI_NOTE,
  },
];

const COUNTER_ENTRIES: readonly PatternEntry[] = [
  {
    pattern: /[ヶケカヵ](?<=[0-9０-９〇一二三四五六七八九十百数何幾][ヶケカヵ])(?=[月所国年条])/g,
    expected: 'か',
    note: COUNTER_NOTE,
  },
];

/** Counters after which a number is an amount or a count. 年・号・条・番 and the like are not. */
const COUNT_UNIT =
  /^(?:[万億兆]?(?:円|人|件|台|名|枚|個|回|社|冊|通|団体|世帯|か所|箇所|時間|文字|字|ページ|頁|校|機関|施設|店舗|戸|棟|km|kg|t|m²|㎡|株|票|点|部|本))/;
const PLAIN_NUMBER = /(?<![0-9０-９.．,，:：\-－A-Za-zＡ-Ｚａ-ｚ_/])([0-9]{4,}|[０-９]{4,})(?![0-9０-９.．,，])/g;

function groupDigits(digits: string, comma: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += comma;
    out += digits[i];
  }
  return out;
}

function findNumberCommas(masked: string): SegmentFinding[] {
  const findings: SegmentFinding[] = [];
  for (const m of execAll(PLAIN_NUMBER, masked)) {
    const digits = m[1];
    const start = m.index;
    if (!COUNT_UNIT.test(masked.slice(start + digits.length))) continue;
    const full = /[０-９]/.test(digits);
    findings.push(
      replacementFinding(OFFICIAL_NUMBER_COMMA, start, digits, groupDigits(digits, full ? '，' : ','), {
        safe: true,
        note: { ja: '（金額や数量は3桁ごとに区切る）', en: ' (amounts and counts take a comma every three digits)' },
      }),
    );
  }
  return findings;
}

export const officialNumberKanjiRule: SegmentRule = {
  descriptor: {
    code: OFFICIAL_NUMBER_KANJI,
    defaultSeverity: 'information',
    fixable: true,
    title: { ja: '和語の数詞は漢数字', en: 'Kanji numerals in native counts' },
    description: {
      ja: '「1つ」→「一つ」のように、和語の数え方は漢数字で書きます。一部・一般などの熟語はそのままです。',
      en: 'Native counts take kanji numerals: 「1つ」→「一つ」. Compounds such as 一部 and 一般 are left alone.',
    },
  },
  check: (context: SegmentContext) => scanPatterns(OFFICIAL_NUMBER_KANJI, context, KANJI_ENTRIES),
};

export const officialNumberCommaRule: SegmentRule = {
  descriptor: {
    code: OFFICIAL_NUMBER_COMMA,
    defaultSeverity: 'information',
    fixable: true,
    title: { ja: '金額・数量の3桁区切り', en: 'Digit grouping in amounts and counts' },
    description: {
      ja: '「1000円」→「1,000円」のように、金額や数量は3桁ごとにコンマで区切ります。年・条・番号・規格番号はそのままです。',
      en: 'Amounts and counts take a comma every three digits (1000円 → 1,000円); years, article numbers, ids and standards are left alone.',
    },
  },
  check: (context: SegmentContext) => findNumberCommas(context.masked),
};

export const officialNumberCounterRule: SegmentRule = {
  descriptor: {
    code: OFFICIAL_NUMBER_COUNTER,
    defaultSeverity: 'warning',
    fixable: true,
    title: { ja: '「か月」「か所」の平仮名', en: 'か月 and か所 in hiragana' },
    description: {
      ja: '「3ヶ月」「3カ月」「5ケ所」→「3か月」「5か所」。法令の「箇月」「箇所」はそのままです。',
      en: '「3ヶ月」「3カ月」「5ケ所」→「3か月」「5か所」; the statutory 箇月 and 箇所 are left alone.',
    },
  },
  check: (context: SegmentContext) => scanPatterns(OFFICIAL_NUMBER_COUNTER, context, COUNTER_ENTRIES),
};
