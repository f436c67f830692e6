/**
 * The pattern tier of rules 3, 4 and 6 of issue 17: the uses that patterns can tell apart without a
 * morphological analyser, per 「公用文における漢字使用等について」（平成22年内閣訓令第1号）1(2):
 *
 * - `official-formal-noun` (キ: こと・とおり): 「報告する事とする」→「こと」, 「次の通り」→「次のとおり」. 事
 *   only after a verb ending and before a particle (事業・事務・事項・事故 stay), 通り only after
 *   words that introduce a content (次の・以下の・指摘の・記載の …) or a verb ending (大通り, 「通りに
 *   面する」 stay). 時・所・物 are left to the morphological tier: 「締結した時から」 and 「その他の物」
 *   are the 法令 senses in kanji.
 * - `official-auxiliary-kana` (キ: …ていただく・…ておく・…てください・…ている): 「確認して下さい」→「ください」, 「して頂く」→「いただく」, 「して居る」→「いる」,
 *   「保存して置く」→「ておく」, 「お願い致します」→「いたします」, 「して欲しい」→「てほしい」.
 *   「て行く」「て来る」「て見る」 are not caught: 「持って行く」「見て来る」 are main verbs.
 * With the morphological tier loaded, kana-words-morph.ts adds the uses POS can tell apart.
 * - `official-kana-particle` (カ: 助動詞及び助詞): 「…の為」→「…のため」, 「この様に」→「このように」,
 *   「これ程」→「これほど」, 「1時間位」→「ぐらい」, 「これ丈」→「だけ」. 行為・作為・為替, 同様・多様, 程度・過程,
 *   単位・順位, 丈夫 stay.
 */
import type { Localized } from '../../../i18n/locale';
import type { SegmentContext, SegmentRule } from '../../types';
import { scanPatterns, type PatternEntry } from './common';
import { mergeFindings } from './morph';
import { auxiliaryMorph, formalNounMorph, particleMorph } from './kana-words-morph';

const OFFICIAL_FORMAL_NOUN = 'official-formal-noun';
const OFFICIAL_AUXILIARY_KANA = 'official-auxiliary-kana';
const OFFICIAL_KANA_PARTICLE = 'official-kana-particle';

const NOTE: Localized = {
  ja: '（平成22年内閣訓令第1号により仮名で書く）',
  en: ' (kana per Cabinet Directive No. 1 of 2010)',
};

const INTRODUCERS =
  '次|以下|上記|下記|前記|後記|前述|後述|指摘|記載|規定|所定|別紙|別表|左記|予定|計画|従来|原案|例示|想定|趣旨|意見|お示し|ご指摘|御指摘';

const FORMAL_NOUN_ENTRIES: readonly PatternEntry[] = [
  { pattern: /事(?<=[るたいう]事)(?=[とがをはもにで。、]|ができ)/g, expected: 'こと', note: NOTE },
  // After 次の・上記の … 通り is the content just introduced, whatever follows (「上記の通り定める」).
  { pattern: new RegExp(`通り(?<=(?:${INTRODUCERS})の通り)`, 'g'), expected: 'とおり', note: NOTE },
  { pattern: /通り(?<=[るた]通り)(?=[、。にでのだ）)」]|$)/gm, expected: 'とおり', note: NOTE },
];

const AUXILIARY_ENTRIES: readonly PatternEntry[] = [
  { pattern: /下さ(?<=[てで]下さ)(?=[いるれ])/g, expected: 'くださ', note: NOTE },
  { pattern: /[頂戴](?<=[てで][頂戴])(?=[くきけか])/g, expected: 'いただ', note: NOTE },
  // 「専門家をアドバイザーとして置き」 is the main verb (appoint as).
  { pattern: /置(?<=て置)(?<!として置)(?=[くけかこい]|き(?![換替場]))/g, expected: 'お', note: NOTE },
  { pattern: /欲し(?<=[てで]欲し)(?=[いくか])/g, expected: 'ほし', note: NOTE },
  // ている／ておる after て: 「して居る」→いる, 「して居ります」→おります (居り reads おり).
  { pattern: /居(?<=[てで]居)(?=る|た|な[いか]|ま[すせし]|れ)/g, expected: 'い', note: NOTE },
  { pattern: /居(?<=[てで]居)(?=り)/g, expected: 'お', note: NOTE },
  // 致す after a kana ending (お願い致します, して致す); 一致します, 合致する keep the kanji word.
  { pattern: /致(?<=[ぁ-ゖ]致)(?=し[まった]|す|せ)/g, expected: 'いた', note: NOTE },
];

const PARTICLE_ENTRIES: readonly PatternEntry[] = [
  { pattern: /為(?<=[ぁ-ゖ]為)(?=[にのでもだ、。]|め)/g, expected: 'ため', note: NOTE },
  { pattern: /様(?<=[のなるたこそあど]様)(?<!あなた様)(?=[にながでだ])/g, expected: 'よう', note: NOTE },
  { pattern: /程(?<=[こそあどれるた]程)(?![度々])/g, expected: 'ほど', note: NOTE },
  // 位 after a counter is "about" (「1時間位」); 単位・順位・上位 and 「第3位」 (a rank) are other words.
  // ぐらい is the 訓令's example, but くらい is as right: offered, not applied by fix-all.
  {
    pattern:
      /位(?<=(?:[0-9０-９一二三四五六七八九十百千万何数][時間日週年分秒回件人枚個]|か月|か所|時間|週間|年間|日間)位)(?![\u4e00-\u9fff々])/g,
    expected: 'ぐらい',
    unsafe: true,
    note: NOTE,
  },
  // だけ after kana (「これ丈」「確認した丈」); 丈夫・背丈・気丈 are other words.
  { pattern: /丈(?<=[ぁ-ゖ]丈)(?!夫)/g, expected: 'だけ', note: NOTE },
];

export const officialFormalNounRule: SegmentRule = {
  descriptor: {
    code: OFFICIAL_FORMAL_NOUN,
    defaultSeverity: 'warning',
    fixable: true,
    title: { ja: '形式名詞の仮名書き', en: 'Formal nouns in kana' },
    description: {
      ja: '「報告する事とする」→「報告することとする」、「次の通り」→「次のとおり」。事業・事務・事項・大通り はそのままです。',
      en: '「報告する事とする」→「こと」, 「次の通り」→「次のとおり」; 事業, 事務, 事項 and 大通り are left alone.',
    },
  },
  check: (context: SegmentContext) =>
    mergeFindings(
      scanPatterns(OFFICIAL_FORMAL_NOUN, context, FORMAL_NOUN_ENTRIES),
      formalNounMorph(OFFICIAL_FORMAL_NOUN, context),
    ),
};

export const officialAuxiliaryKanaRule: SegmentRule = {
  descriptor: {
    code: OFFICIAL_AUXILIARY_KANA,
    defaultSeverity: 'warning',
    fixable: true,
    title: { ja: '補助動詞の仮名書き', en: 'Auxiliary verbs in kana' },
    description: {
      ja: '「確認して下さい」→「確認してください」、「ご協力頂く」→「いただく」、「お願い致します」→「お願いいたします」。「持って行く」のような本動詞はそのままです。',
      en: '「して下さい」→「してください」, 「頂く」→「いただく」, 「お願い致します」→「お願いいたします」; main verbs such as 「持って行く」 are left alone.',
    },
  },
  check: (context: SegmentContext) =>
    mergeFindings(
      scanPatterns(OFFICIAL_AUXILIARY_KANA, context, AUXILIARY_ENTRIES),
      auxiliaryMorph(OFFICIAL_AUXILIARY_KANA, context),
    ),
};

export const officialKanaParticleRule: SegmentRule = {
  descriptor: {
    code: OFFICIAL_KANA_PARTICLE,
    defaultSeverity: 'warning',
    fixable: true,
    title: { ja: '助詞・助動詞の仮名書き', en: 'Particles and auxiliaries in kana' },
    description: {
      ja: '「…する為」→「…するため」、「この様に」→「このように」、「これ程」→「これほど」、「1時間位」→「1時間ぐらい」、「これ丈」→「これだけ」。行為・為替・同様・程度・単位はそのままです。',
      en: '「…する為」→「…するため」, 「この様に」→「このように」, 「これ程」→「これほど」, 「1時間位」→「ぐらい」, 「これ丈」→「だけ」; 行為, 為替, 同様, 程度 and 単位 are left alone.',
    },
  },
  check: (context: SegmentContext) =>
    mergeFindings(
      scanPatterns(OFFICIAL_KANA_PARTICLE, context, PARTICLE_ENTRIES),
      particleMorph(OFFICIAL_KANA_PARTICLE, context),
    ),
};
