/**
 * Rule 5 of issue 17, `official-kana-verb`: 「公用文における漢字使用等について」（平成22年内閣訓令第1号）
 * 1(2)キ writes ある・できる・なる in kana where they mean 「問題がある」「だれでも利用ができる」
 * 「合計すると1万円になる」, and 1(2)カ the auxiliary ない (「適切でない」) likewise.
 *
 * Kept in kanji: 出来事・出来高・出来上がる・不出来 (nouns and the compound verb), 有する・有無・有効,
 * 「三人から成る」 (the 法令 verb 成る, "consist of"), 成り立つ, 無償・無効, and 無い as a main
 * adjective (「問題は無い」 is left to the writer: the 常用漢字表 lists the reading).
 */
import type { Localized } from '../../../i18n/locale';
import type { SegmentContext, SegmentRule } from '../../types';
import { scanPatterns, type PatternEntry } from './common';

const OFFICIAL_KANA_VERB = 'official-kana-verb';

const NOTE: Localized = {
  ja: '（平成22年内閣訓令第1号により仮名で書く）',
  en: ' (kana per Cabinet Directive No. 1 of 2010)',
};

const ENTRIES: readonly PatternEntry[] = [
  // 出来る・出来ない・出来ます・出来た・出来れば・出来ず・出来よう; not 出来事・出来高・出来上がる・不出来.
  { pattern: /出来(?<!不出来)(?=る|な[いかくけ]|ま[すせし]|た|れ|ず|ぬ|よう|得)/g, expected: 'でき', note: NOTE },
  // 有る・有り・有った・有れば; not 有する・有無・有効, nor 有り様・有り難い (other words).
  { pattern: /有(?=る|り(?![様難])|っ[たて]|れ[ばど])/g, expected: 'あ', note: NOTE },
  // The auxiliary ない after で／く: 「適切で無い」「正しく無い」.
  // 「全く無い」 is the main adjective (nothing at all) and left to the writer.
  { pattern: /無(?<=[でく]無)(?<!全く無)(?=い|く|かっ|けれ|さそう)/g, expected: 'な', note: NOTE },
  // なる after に／と (「対象と成る」「1万円に成る」); not 「から成る」 or 成り立つ・成り行き.
  { pattern: /成(?<=[にと]成)(?=る|り(?![立行代上])|っ[たて]|れ[ばる]|ら[なず])/g, expected: 'な', note: NOTE },
];

export const officialKanaVerbRule: SegmentRule = {
  descriptor: {
    code: OFFICIAL_KANA_VERB,
    defaultSeverity: 'warning',
    fixable: true,
    title: { ja: 'できる・ある・ない・なる の仮名書き', en: 'できる, ある, ない, なる in kana' },
    description: {
      ja: '「利用出来る」→「利用できる」、「問題が有る」→「問題がある」、「適切で無い」→「適切でない」、「対象と成る」→「対象となる」。出来事・出来高・有する・「から成る」はそのままです。',
      en: '「利用出来る」→「利用できる」, 「有る」→「ある」, 「で無い」→「でない」, 「と成る」→「となる」; 出来事, 出来高, 有する and 「から成る」 are left alone.',
    },
  },
  check: (context: SegmentContext) => scanPatterns(OFFICIAL_KANA_VERB, context, ENTRIES),
};
