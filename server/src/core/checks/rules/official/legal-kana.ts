/**
 * Rule 10 of issue 17, `official-legal-kana`: words the 法令 and 公用文 write in kana
 * (「法令における漢字使用等について」（平成22年内閣法制局長官決定）, 「公用文作成の考え方」):
 * 「漏えいの恐れがある」→「おそれ」 (the noun "risk"; the verb 恐れる stays), 「除く外」「その外、」→「ほか」,
 * 「以て」→「もって」, 「…に依り」「…に拠る」「…に因る」→「より」「よる」.
 * Only the contexts in which the word can mean nothing else are caught: 「恐れる」「恐れて」, 「外部」
 * 「その外側」「外に出る」, 「依頼」「根拠」「原因」 are left alone.
 */
import type { Localized } from '../../../i18n/locale';
import type { SegmentContext, SegmentRule } from '../../types';
import type { SegmentFinding } from '../../types';
import { replacementFinding, scanPatterns, type PatternEntry } from './common';
import { mergeFindings, visitMorphSites } from './morph';

const OFFICIAL_LEGAL_KANA = 'official-legal-kana';

const NOTE: Localized = { ja: '（法令・公用文では仮名で書く）', en: ' (written in kana in statutes and 公用文)' };

const ENTRIES: readonly PatternEntry[] = [
  // The noun おそれ before a particle; 恐れる・恐れて・恐れず are the verb.
  { pattern: /恐れ(?=が|の|は|も|を|あり|な[しく]|、|。)/g, expected: 'おそれ', note: NOTE },
  // 「その外に置く」「その外の空間」 can mean outside: only before 、。はも.
  { pattern: /外(?<=(?:除く|その)外)(?=[、。はも])/g, expected: 'ほか', note: NOTE },
  { pattern: /以っ?て/g, expected: 'もって', note: NOTE },
  { pattern: /[依拠因](?<=に[依拠因])(?=[りるれら])/g, expected: 'よ', note: NOTE },
];

/**
 * The morphological tier: the noun 恐れ in any position (「恐れ大」; the verb 恐れ入る・恐れる is a 動詞),
 * 外 right after the verb 除く (「を除く外は」), and よる after に in every conjugation (「に依って」).
 */
function legalKanaMorph(context: SegmentContext): SegmentFinding[] {
  return visitMorphSites(
    context,
    /恐れ(?!入)|外(?<=く外)|[依拠因](?<=に.)/g,
    ({ tokens, index, token, base, masked }) => {
      const before = tokens[index - 1];
      let expected: string | undefined;
      if (token.surface === '恐れ' && token.pos === '名詞') expected = 'おそれ';
      else if (token.surface === '外' && token.pos === '名詞' && before?.baseForm === '除く') expected = 'ほか';
      else if (
        token.pos === '動詞' &&
        ['依る', '拠る', '因る'].includes(token.baseForm) &&
        before?.surface === 'に' &&
        before.pos === '助詞'
      )
        expected = 'よ' + token.surface.slice(1);
      if (!expected) return undefined;
      return replacementFinding(OFFICIAL_LEGAL_KANA, base + token.start, token.surface, expected, {
        safe: true,
        note: NOTE,
        text: masked,
      });
    },
  );
}

export const officialLegalKanaRule: SegmentRule = {
  descriptor: {
    code: OFFICIAL_LEGAL_KANA,
    defaultSeverity: 'warning',
    fixable: true,
    title: {
      ja: '法令の仮名書き（おそれ・ほか・もって・よる）',
      en: 'Statutory kana words (おそれ, ほか, もって, よる)',
    },
    description: {
      ja: '「漏えいの恐れ」→「漏えいのおそれ」、「除く外」→「除くほか」、「以て」→「もって」、「法令に依り」→「法令により」。動詞の「恐れる」、「外部」「依頼」はそのままです。',
      en: '「漏えいの恐れ」→「おそれ」, 「除く外」→「除くほか」, 「以て」→「もって」, 「に依り」→「により」; the verb 恐れる, 外部 and 依頼 are left alone.',
    },
  },
  check: (context: SegmentContext) =>
    mergeFindings(scanPatterns(OFFICIAL_LEGAL_KANA, context, ENTRIES), legalKanaMorph(context)),
};
