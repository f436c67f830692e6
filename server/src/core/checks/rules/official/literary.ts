/**
 * Rule 14 of issue 17, `official-literary`: 「公用文作成の考え方」 (2022) asks for plain modern
 * style instead of literary leftovers: 「…のごとく」→「…のように」, 「…のごとき」→「…のような」,
 * 「…すべく」→「…するために」 (after a サ変 noun: 「対応すべく」; 「尽くすべく」 is another verb), 「大いなる」→「大きな」, 「進まんとする」→「進もうとする」.
 * 「ことごとく」 (all) is another word and left alone; 「んとする」 has no fixed replacement (the
 * volitional form depends on the verb) and is flagged without a fix.
 */
import type { Localized } from '../../../i18n/locale';
import type { SegmentContext, SegmentRule } from '../../types';
import { scanPatterns, type PatternEntry } from './common';

const OFFICIAL_LITERARY = 'official-literary';

const NOTE: Localized = {
  ja: '（文語の名残を避け、平易な口語体で書く）',
  en: ' (plain modern style, not literary forms)',
};

const ENTRIES: readonly PatternEntry[] = [
  { pattern: /(?:ごとく|如く)(?<!ことごとく)/g, expected: 'ように', note: NOTE },
  { pattern: /(?:ごとき|如き)(?<!ことごとき)(?=[^\s])/g, expected: 'ような', note: NOTE },
  { pattern: /すべく(?<=[\p{sc=Han}\p{sc=Katakana}ー]すべく)/gu, expected: 'するために', note: NOTE },
  { pattern: /大いなる/g, expected: '大きな', note: NOTE },
  { pattern: /んとする(?<=[かがさざただなばまらわ]んとする)/g, note: NOTE },
];

export const officialLiteraryRule: SegmentRule = {
  descriptor: {
    code: OFFICIAL_LITERARY,
    defaultSeverity: 'information',
    fixable: true,
    title: { ja: '文語の名残', en: 'Literary leftovers' },
    description: {
      ja: '「…のごとく」→「…のように」、「…すべく」→「…するために」、「大いなる」→「大きな」。「ことごとく」はそのままです。',
      en: '「…のごとく」→「…のように」, 「…すべく」→「…するために」, 「大いなる」→「大きな」; 「ことごとく」 is left alone.',
    },
  },
  check: (context: SegmentContext) =>
    scanPatterns(OFFICIAL_LITERARY, context, ENTRIES, {
      ja: '「{actual}」は文語の名残です。「…しようとする」のような平易な口語体で書きます{note}。',
      en: '"{actual}" is a literary form; write plain modern Japanese such as 「…しようとする」{note}.',
    }),
};
