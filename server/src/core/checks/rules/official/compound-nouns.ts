/**
 * Rule 8 of issue 17, `official-compound-noun`: compound nouns take the 許容 送り仮名 of the 訓令's
 * list (「公用文における漢字使用等について」 2(1)イ: 取扱い, 申込み, 引渡し, 見積り, 手続, 届出) or the fixed
 * forms of 「送り仮名の付け方」 通則7 (受付, 申込書, 見積書, 取扱所) — while the verbs keep their 送り仮名
 * (「申し込む」「申し込みます」「取り扱う」). Lists: okurigana-list.ts.
 *
 * Two tiers, one code:
 * - patterns, always: a compound with a noun suffix can only be the noun (「申し込み書」→「申込書」,
 *   「取り扱い者」→「取扱者」), in every profile (通則7's form has no other 本則);
 * - the morphological tier: 「申し込み」「取り扱い」 … where the analyser reads a noun (「申し込みの受付」),
 *   not the verb's 連用形 (「申し込みます」「窓口で申し込み、」), in the `notice` profile only:
 *   「公用文作成の考え方」 lets explanatory and public-facing text use the 本則 送り仮名.
 * Words the list does not name (取り組み, 組み合わせる, 申込 alone) are never touched.
 */
import type { Localized } from '../../../i18n/locale';
import type { SegmentContext, SegmentFinding, SegmentRule } from '../../types';
import { replacementFinding, scanPatterns, type PatternEntry } from './common';
import { mergeFindings, visitMorphSites, wordsPattern } from './morph';

const OFFICIAL_COMPOUND_NOUN = 'official-compound-noun';

const LIST_NOTE: Localized = {
  ja: '（複合語の名詞は訓令の表の送り仮名で書く）',
  en: ' (compound nouns take the okurigana of the Cabinet Directive list)',
};
const FIXED_NOTE: Localized = {
  ja: '（慣用が固定した語は送り仮名を付けない）',
  en: ' (words fixed by usage take no okurigana)',
};

/** The 訓令's form of each compound noun, by the forms with more 送り仮名 that writers use. */
export const COMPOUND_NOUN_FORMS: Readonly<Record<string, string>> = {
  取り扱い: '取扱い',
  申し込み: '申込み',
  引き渡し: '引渡し',
  見積もり: '見積り',
  手続き: '手続',
  届け出: '届出',
  申し出: '申出',
  受け付け: '受付',
  打ち合わせ: '打合せ',
  打合わせ: '打合せ',
  問い合わせ: '問合せ',
  組み合わせ: '組合せ',
  取り消し: '取消し',
  取り決め: '取決め',
  引き継ぎ: '引継ぎ',
  貸し出し: '貸出し',
  持ち込み: '持込み',
  割り当て: '割当て',
  立ち入り: '立入り',
  取り付け: '取付け',
  取り替え: '取替え',
  切り替え: '切替え',
  書き換え: '書換え',
  読み替え: '読替え',
  話し合い: '話合い',
  申し合わせ: '申合せ',
  売り上げ: '売上げ',
  差し押さえ: '差押え',
  繰り越し: '繰越し',
  払い戻し: '払戻し',
  受け入れ: '受入れ',
  引き上げ: '引上げ',
  引き下げ: '引下げ',
  引き受け: '引受け',
  取り調べ: '取調べ',
  立ち会い: '立会い',
  呼び出し: '呼出し',
  見合わせ: '見合せ',
  払い込み: '払込み',
  積み立て: '積立て',
  申し立て: '申立て',
  申し入れ: '申入れ',
  借り入れ: '借入れ',
  貸し付け: '貸付け',
  取り締まり: '取締り',
  取り下げ: '取下げ',
  切り捨て: '切捨て',
  差し止め: '差止め',
  据え置き: '据置き',
  備え付け: '備付け',
  乗り換え: '乗換え',
  引き換え: '引換え',
  組み立て: '組立て',
  入れ替え: '入替え',
  明け渡し: '明渡し',
  抜き取り: '抜取り',
};

/** Compounds with a noun suffix, written without 送り仮名 (通則7 and its pattern: 取扱《所》). */
export const FIXED_COMPOUNDS: Readonly<Record<string, string>> = {
  申込書: '申込書',
  見積書: '見積書',
  取扱者: '取扱者',
  取扱所: '取扱所',
  申込者: '申込者',
  引受人: '引受人',
  引換券: '引換券',
  乗換駅: '乗換駅',
  売上高: '売上高',
  貸付金: '貸付金',
  借入金: '借入金',
  繰越金: '繰越金',
  積立金: '積立金',
};

/** The 送り仮名 spellings of the fixed compounds: 申し込み書, 申込み書 → 申込書. */
function fixedCompoundSpellings(): Map<string, string> {
  const spellings = new Map<string, string>();
  for (const fixed of Object.keys(FIXED_COMPOUNDS)) {
    const head = fixed.slice(0, -1);
    const suffix = fixed.slice(-1);
    for (const [long, short] of Object.entries(COMPOUND_NOUN_FORMS)) {
      if (short.replace(/\p{sc=Hiragana}/gu, '') !== head) continue;
      spellings.set(long + suffix, fixed);
      if (short !== head) spellings.set(short + suffix, fixed);
    }
  }
  return spellings;
}

const FIXED_SPELLINGS = fixedCompoundSpellings();

/** One pattern for all spellings (one scan of the text), not inside a longer compound (「申し込み書類」). */
const FIXED_ENTRIES: readonly PatternEntry[] = [
  {
    pattern: wordsPattern([...FIXED_SPELLINGS.keys()], '(?![\\u4e00-\\u9fff々])'),
    expected: (m) => FIXED_SPELLINGS.get(m[0]) ?? m[0],
    note: FIXED_NOTE,
  },
];

/** The first characters of the listed spellings: the only places the analyser is asked about. */
const PREFILTER = wordsPattern(Object.keys(COMPOUND_NOUN_FORMS));

/** Particles after which a compound is plainly a noun (「申し込みの受付」「取り扱いに注意」). */
const NOUN_FOLLOWERS = new Set([
  'の',
  'を',
  'が',
  'は',
  'も',
  'に',
  'と',
  'で',
  'や',
  'へ',
  'から',
  'まで',
  'について',
  'に関する',
]);

function findListNouns(context: SegmentContext): SegmentFinding[] {
  return visitMorphSites(context, PREFILTER, ({ tokens, index, token, base, masked, profile }) => {
    const listed = COMPOUND_NOUN_FORMS[token.surface];
    const next = tokens[index + 1];
    if (!listed || profile !== 'notice') return undefined;
    // IPADIC reads some nouns as the verb's 連用形 even before を (「取り替えを行う」); a 連用形 cannot take
    // の／を／が, so there the word is the noun. Before に／は the verb stays possible (「取り替えに行く」).
    const nominal = token.pos === '名詞' || (token.pos === '動詞' && ['の', 'を', 'が'].includes(next?.surface ?? ''));
    if (!nominal) return undefined;
    // A following suffix makes another word (取り扱い方); the verb's 連用形 stands before 、.
    if (next && !NOUN_FOLLOWERS.has(next.surface) && next.surface !== '。' && next.surface !== '）') return undefined;
    return replacementFinding(OFFICIAL_COMPOUND_NOUN, base + token.start, token.surface, listed, {
      safe: true,
      note: LIST_NOTE,
      text: masked,
    });
  });
}

export const officialCompoundNounRule: SegmentRule = {
  descriptor: {
    code: OFFICIAL_COMPOUND_NOUN,
    defaultSeverity: 'information',
    fixable: true,
    defaultOff: true,
    morphological: true,
    title: { ja: '複合語の名詞の送り仮名', en: 'Okurigana of compound nouns' },
    description: {
      ja: '複合語の名詞は訓令の表の送り仮名で書きます：申し込みの受付→申込みの受付、取り扱い→取扱い、手続き→手続（形態素解析で名詞と判定したものだけ。notice のみ）。動詞「申し込む」「申し込みます」はそのままです。申し込み書→申込書 のような慣用の固定した語は常に。',
      en: 'Compound nouns take the okurigana of the Cabinet Directive list: 申し込み→申込み, 取り扱い→取扱い, 手続き→手続 (only where the morphological analyser reads a noun; notice profile). The verbs (申し込む, 申し込みます) are left alone. Fixed words such as 申し込み書→申込書 always.',
    },
  },
  check: (context: SegmentContext) =>
    mergeFindings(scanPatterns(OFFICIAL_COMPOUND_NOUN, context, FIXED_ENTRIES), findListNouns(context)),
};
