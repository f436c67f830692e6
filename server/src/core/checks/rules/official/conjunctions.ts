/**
 * Rule 1 of issue 17. 「公用文における漢字使用等について」（平成22年内閣訓令第1号）1(2)オ: conjunctions
 * are written in kana (おって・かつ・したがって・ただし・ところが・ところで・また・ゆえに), except
 * 及び・並びに・又は・若しくは, which are written in kanji.
 *
 * - `official-conjunction-kana`: 但し、→ただし、 尚、→なお、 且つ→かつ 従って、→したがって、 …
 *   Only the conjunction uses are caught: 「規程に従って」 (the verb 従う), 「尚早」「高尚」, 「更に強化する」
 *   (the adverb, kanji per the 訓令) are left alone, because the patterns require the sentence start
 *   and the following 読点 that only the conjunction has.
 * - `official-conjunction-kanji`: in the `notice` profile, および・ならびに・または・もしくは → kanji.
 *   「公用文作成の考え方」 (2022) allows the kana forms in explanatory and public-facing text, so the
 *   `explanatory` profile leaves them alone.
 */
import type { Localized } from '../../../i18n/locale';
import type { SegmentContext, SegmentRule } from '../../types';
import { isSentenceStart, scanPatterns, type PatternEntry } from './common';

const OFFICIAL_CONJUNCTION_KANA = 'official-conjunction-kana';
const OFFICIAL_CONJUNCTION_KANJI = 'official-conjunction-kanji';

const KANA_NOTE: Localized = { ja: '（接続詞は仮名で書く）', en: ' (conjunctions are written in kana)' };
const KANJI_NOTE: Localized = {
  ja: '（及び・並びに・又は・若しくはは漢字で書く）',
  en: ' (及び, 並びに, 又は and 若しくは are written in kanji)',
};

/** A conjunction at the start of a sentence, followed by a 読点. */
function atSentenceStart(word: string): Pick<PatternEntry, 'pattern' | 'where'> {
  return { pattern: new RegExp(`${word}(?=[、，])`, 'g'), where: isSentenceStart };
}

const KANA_ENTRIES: readonly PatternEntry[] = [
  { ...atSentenceStart('但し'), expected: 'ただし', note: KANA_NOTE },
  { ...atSentenceStart('尚'), expected: 'なお', note: KANA_NOTE },
  { ...atSentenceStart('従って'), expected: 'したがって', note: KANA_NOTE },
  { ...atSentenceStart('又'), expected: 'また', note: KANA_NOTE },
  { ...atSentenceStart('更に'), expected: 'さらに', note: KANA_NOTE },
  { ...atSentenceStart('故に'), expected: 'ゆえに', note: KANA_NOTE },
  { ...atSentenceStart('即ち'), expected: 'すなわち', note: KANA_NOTE },
  { ...atSentenceStart('追って'), expected: 'おって', note: KANA_NOTE },
  { ...atSentenceStart('然し'), expected: 'しかし', note: KANA_NOTE },
  // 且 is used in nothing but 且つ, and 或 (outside the 常用漢字表) in nothing but 或いは here.
  { pattern: /且つ/g, expected: 'かつ', note: KANA_NOTE },
  { pattern: /尚且つ/g, expected: 'なおかつ', note: KANA_NOTE },
  { pattern: /或いは/g, expected: 'あるいは', note: KANA_NOTE },
];

const KANJI_ENTRIES: readonly PatternEntry[] = [
  // およびます／および腰 are the verb 及ぶ and the noun; the conjunction is followed by a noun.
  { pattern: /および(?![ませ腰])/g, expected: '及び', note: KANJI_NOTE, profiles: ['notice'] },
  { pattern: /ならびに/g, expected: '並びに', note: KANJI_NOTE, profiles: ['notice'] },
  { pattern: /または/g, expected: '又は', note: KANJI_NOTE, profiles: ['notice'] },
  { pattern: /もしくは/g, expected: '若しくは', note: KANJI_NOTE, profiles: ['notice'] },
];

export const officialConjunctionKanaRule: SegmentRule = {
  descriptor: {
    code: OFFICIAL_CONJUNCTION_KANA,
    defaultSeverity: 'warning',
    fixable: true,
    title: { ja: '接続詞の仮名書き（公用文）', en: 'Conjunctions in kana (公用文)' },
    description: {
      ja: '接続詞は仮名で書きます（平成22年内閣訓令第1号）：但し、→ただし、 尚、→なお、 且つ→かつ 従って、→したがって、。「規程に従って」のような動詞はそのままです。',
      en: 'Conjunctions are written in kana (Cabinet Directive No. 1 of 2010): 但し、→ただし、 尚、→なお、 且つ→かつ 従って、→したがって、. Verbs such as 「規程に従って」 are left alone.',
    },
  },
  check: (context: SegmentContext) => {
    // 尚且つ is reported once, not also as 且つ (findings are sorted by start).
    const findings = scanPatterns(OFFICIAL_CONJUNCTION_KANA, context, KANA_ENTRIES);
    return findings.filter((f, i) => !(i > 0 && findings[i - 1].end >= f.end && findings[i - 1].start < f.start));
  },
};

export const officialConjunctionKanjiRule: SegmentRule = {
  descriptor: {
    code: OFFICIAL_CONJUNCTION_KANJI,
    defaultSeverity: 'warning',
    fixable: true,
    title: { ja: '及び・並びに・又は・若しくは（公用文）', en: '及び, 並びに, 又は, 若しくは in kanji (公用文)' },
    description: {
      ja: '告示・通知・規程（プロファイル notice、【例文】）では、および→及び、または→又は のように漢字で書きます。解説・広報（explanatory）では仮名も認めます。',
      en: 'In notices and regulations (profile notice, and 【例文】) write および→及び, または→又は in kanji; the explanatory profile allows kana.',
    },
  },
  check: (context: SegmentContext) => scanPatterns(OFFICIAL_CONJUNCTION_KANJI, context, KANJI_ENTRIES),
};
