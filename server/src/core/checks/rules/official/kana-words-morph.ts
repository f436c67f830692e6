/**
 * The morphological tier of rules 3, 4 and 6 of issue 17 (`official-formal-noun`,
 * `official-auxiliary-kana`, `official-kana-particle`): what the patterns of kana-words.ts cannot
 * tell apart, decided by IPADIC's parts of speech once the host has loaded the analyser.
 *
 * - 事 as 名詞,非自立 (the nominaliser: 「重要な事は」「次の事に留意」) → こと; 事 as 名詞,一般 (「事の重大性」,
 *   the matter itself) and 事務・事項 (other words) are left alone.
 * - 時 as 名詞,非自立 before は／には／、 (a condition: 「事故の時は連絡する」) → とき; before から／まで／
 *   において it is the 法令's point in time (「締結した時から」) and stays, as after その／この (a definite time).
 * - 所 as 名詞,非自立 before により／による／に従 (「定める所により」) or after 現在の／今の → ところ; a place
 *   (「保管する所」) stays.
 * - 物 as 名詞,非自立 before と＋する／認める／みなす (「正しい物と認める」) → もの; the 法令's tangible thing
 *   (「その他の物」) stays.
 * - 通り after a verb or auxiliary (「定めた通り実施する」) → とおり.
 * - 行く／来る as 動詞,非自立 after て, when the verb before て is a サ変 verb or a verb of change
 *   (「強化して行く」「増えて来た」) → いく／くる; after other verbs (「持って行く」「持って来る」) they are
 *   main verbs of motion: IPADIC tags both alike, so the verb before decides. 見る after 「して」 (「確認して
 *   見る」) → みる.
 * - 為 as 名詞,非自立 (「その為」) → ため; 様 as 名詞,非自立 (「この様な」) → よう; 様 as a suffix (田中様) stays.
 */
import type { Localized } from '../../../i18n/locale';
import type { MorphToken } from '../../morph/types';
import type { SegmentContext, SegmentFinding } from '../../types';
import { replacementFinding } from './common';
import { toHiragana, visitMorphSites, type MorphSite } from './morph';

const NOTE: Localized = {
  ja: '（平成22年内閣訓令第1号により仮名で書く・形態素解析）',
  en: ' (kana per Cabinet Directive No. 1 of 2010; morphological)',
};

function finding(code: string, site: MorphSite, expected: string): SegmentFinding {
  return replacementFinding(code, site.base + site.token.start, site.token.surface, expected, {
    safe: true,
    note: NOTE,
    text: site.masked,
  });
}

const isNonIndependentNoun = (t: MorphToken | undefined): boolean => t?.pos === '名詞' && t.posDetail === '非自立';
const followedBy = (tokens: readonly MorphToken[], index: number, words: readonly string[]): boolean =>
  words.some((w) =>
    tokens
      .slice(index + 1, index + 4)
      .map((t) => t.surface)
      .join('')
      .startsWith(w),
  );
const isPredicate = (t: MorphToken | undefined): boolean =>
  t?.pos === '動詞' || t?.pos === '助動詞' || t?.pos === '形容詞';

/**
 * The formal nouns stand alone after a kana ending (する事, の時, な物) and before a particle; 事務,
 * 時間, 所管, 物品 never reach the analyser.
 */
const FORMAL_NOUN_PREFILTER = /[事時所物](?<=[ぁ-ゖ].)(?![\u4e00-\u9fff々])|通り(?<=[ぁ-ゖ]通り)/g;

export function formalNounMorph(code: string, context: SegmentContext): SegmentFinding[] {
  return visitMorphSites(context, FORMAL_NOUN_PREFILTER, (site) => {
    const { tokens, index, token } = site;
    const before = tokens[index - 1];
    switch (token.surface) {
      case '事':
        return isNonIndependentNoun(token) ? finding(code, site, 'こと') : undefined;
      case '時':
        // 「その時は」 names a definite time, not a condition.
        return isNonIndependentNoun(token) &&
          before?.pos !== '連体詞' &&
          followedBy(tokens, index, ['は', 'には', '、'])
          ? finding(code, site, 'とき')
          : undefined;
      case '所': {
        if (!isNonIndependentNoun(token)) return undefined;
        const now = before?.surface === 'の' && ['現在', '今', '目下'].includes(tokens[index - 2]?.surface ?? '');
        return now || followedBy(tokens, index, ['により', 'による', 'に従', 'に基づ'])
          ? finding(code, site, 'ところ')
          : undefined;
      }
      case '物':
        return isNonIndependentNoun(token) &&
          isPredicate(before) &&
          followedBy(tokens, index, ['とする', 'と認め', 'とみな', 'と解'])
          ? finding(code, site, 'もの')
          : undefined;
      case '通り':
        return token.pos === '名詞' && isPredicate(before) ? finding(code, site, 'とおり') : undefined;
      default:
        return undefined;
    }
  });
}

/** Verbs after which 行く／来る mark a change going on, not a motion (「増えて行く」). */
const CHANGE_VERBS = new Set([
  'する',
  'なる',
  '増える',
  '減る',
  '変わる',
  '広がる',
  '高まる',
  '強まる',
  '弱まる',
  '深まる',
  '進む',
  '続ける',
  '続く',
  '進める',
  '変える',
  '生きる',
]);
/** サ変 nouns whose 「して行く」 is a motion (「持参して行く」「同行して来る」). */
const MOTION_NOUNS = new Set([
  '持参',
  '出張',
  '訪問',
  '移動',
  '同行',
  '参加',
  '出席',
  '来庁',
  '帰庁',
  '外出',
  '通勤',
  '出勤',
]);

export function auxiliaryMorph(code: string, context: SegmentContext): SegmentFinding[] {
  return visitMorphSites(context, /[行来見](?<=[てで].)/g, (site) => {
    const { tokens, index, token } = site;
    const te = tokens[index - 1];
    const verb = tokens[index - 2];
    if (token.pos !== '動詞' || !te || (te.surface !== 'て' && te.surface !== 'で') || !verb || verb.pos !== '動詞')
      return undefined;
    if (!token.reading) return undefined;
    const suru = verb.baseForm === 'する';
    if (suru && MOTION_NOUNS.has(tokens[index - 3]?.surface ?? '')) return undefined;
    if (token.baseForm === '見る') return suru ? finding(code, site, toHiragana(token.reading)) : undefined;
    if (token.baseForm !== '行く' && token.baseForm !== '来る') return undefined;
    return token.posDetail === '非自立' && CHANGE_VERBS.has(verb.baseForm)
      ? finding(code, site, toHiragana(token.reading))
      : undefined;
  });
}

export function particleMorph(code: string, context: SegmentContext): SegmentFinding[] {
  return visitMorphSites(context, /[為様](?:(?<=[ぁ-ゖ].)|(?![\u4e00-\u9fff々]))/g, (site) => {
    const { token } = site;
    if (!isNonIndependentNoun(token)) return undefined;
    if (token.surface === '為') return finding(code, site, 'ため');
    if (token.surface === '様') return finding(code, site, 'よう');
    return undefined;
  });
}
