/**
 * Rule 7 of issue 17, `official-adverb-kanji`: 「公用文における漢字使用等について」（平成22年内閣訓令第1号）
 * 1(2)イ writes adverbs in kanji (既に・必ず・例えば・少なくとも・全て・全く・常に・直ちに・極めて・再び …)
 * but かなり・ふと・やはり・よほど in kana.
 *
 * Two tiers, one code:
 * - patterns, always: 可成り→かなり, 矢張り→やはり, 余程→よほど, 不図→ふと (no other reading);
 * - the morphological tier, when the host has loaded the analyser: a kana すでに, かならず, … is
 *   flagged only where kuromoji reads it as the adverb (すべて also as 名詞-副詞可能, たとえば as
 *   接続詞): kana that merely contain the letters are not flagged, nor a word quoted alone
 *   (「すでに」). Only the sentence around a candidate is tokenized,
 *   and the result is cached with the chunk's analysis: an edit tokenizes only what it changed.
 *   さらに and また are left alone: as conjunctions they stay kana, and the analyser cannot tell.
 * In the `explanatory` profile the kana adverbs are allowed (「公用文作成の考え方」 allows kana for
 * readers of public-facing text); the kana-only words are flagged in every profile.
 */
import type { Localized } from '../../../i18n/locale';
import type { MorphToken } from '../../morph/types';
import type { SegmentContext, SegmentFinding, SegmentRule } from '../../types';
import { replacementFinding, scanPatterns, type PatternEntry } from './common';
import { visitMorphSites, wordsPattern } from './morph';

const OFFICIAL_ADVERB_KANJI = 'official-adverb-kanji';

const KANJI_NOTE: Localized = { ja: '（副詞は漢字で書く）', en: ' (adverbs are written in kanji)' };
const KANA_NOTE: Localized = {
  ja: '（かなり・ふと・やはり・よほど は仮名で書く）',
  en: ' (かなり, ふと, やはり, よほど are written in kana)',
};

const KANA_ENTRIES: readonly PatternEntry[] = [
  { pattern: /可成り?/g, expected: 'かなり', note: KANA_NOTE },
  { pattern: /矢張り?/g, expected: 'やはり', note: KANA_NOTE },
  { pattern: /余程/g, expected: 'よほど', note: KANA_NOTE },
  { pattern: /不図/g, expected: 'ふと', note: KANA_NOTE },
];

/** Kana adverbs and their kanji forms per the 訓令, with the parts of speech IPADIC gives them. */
const KANJI_ADVERBS: Readonly<Record<string, string>> = {
  すでに: '既に',
  かならず: '必ず',
  すくなくとも: '少なくとも',
  たとえば: '例えば',
  すべて: '全て',
  まったく: '全く',
  つねに: '常に',
  ただちに: '直ちに',
  きわめて: '極めて',
  ふたたび: '再び',
  たがいに: '互いに',
  おそらく: '恐らく',
  とくに: '特に',
};

function isAdverbReading(token: MorphToken): boolean {
  if (token.pos === '副詞') return true;
  if (token.surface === 'すべて') return token.pos === '名詞' && token.posDetail === '副詞可能';
  if (token.surface === 'たとえば') return token.pos === '接続詞';
  return false;
}

const CANDIDATES = wordsPattern(Object.keys(KANJI_ADVERBS));

function findKanaAdverbs(context: SegmentContext): SegmentFinding[] {
  return visitMorphSites(context, CANDIDATES, ({ token, base, masked, profile }) => {
    const start = base + token.start;
    const kanji = KANJI_ADVERBS[token.surface];
    // 「すでに」 quoted alone is a mention of the word, not its use.
    if (!kanji || (masked[start - 1] === '「' && masked[token.end + base] === '」')) return undefined;
    if (profile !== 'notice' || !isAdverbReading(token)) return undefined;
    return replacementFinding(OFFICIAL_ADVERB_KANJI, start, token.surface, kanji, {
      safe: true,
      note: KANJI_NOTE,
      text: masked,
    });
  });
}

export const officialAdverbKanjiRule: SegmentRule = {
  descriptor: {
    code: OFFICIAL_ADVERB_KANJI,
    defaultSeverity: 'information',
    fixable: true,
    defaultOff: true,
    morphological: true,
    title: { ja: '副詞の漢字書き（形態素解析）', en: 'Adverbs in kanji (morphological)' },
    description: {
      ja: '副詞は漢字で書きます：すでに→既に、かならず→必ず、たとえば→例えば（形態素解析で副詞と判定したものだけ。notice のみ）。可成り→かなり、矢張り→やはり は常に。有効にすると辞書（kuromoji）を読み込みます。',
      en: 'Adverbs in kanji: すでに→既に, かならず→必ず, たとえば→例えば (only where the morphological analyser reads an adverb; notice profile). 可成り→かなり, 矢張り→やはり always. Enabling it loads the kuromoji dictionary.',
    },
  },
  check: (context: SegmentContext) =>
    [...scanPatterns(OFFICIAL_ADVERB_KANJI, context, KANA_ENTRIES), ...findKanaAdverbs(context)].sort(
      (a, b) => a.start - b.start,
    ),
};
