/**
 * The prefix 御／ご／お (issue 17, profiles), `official-honorific-prefix`. 「公用文における漢字使用等に
 * ついて」（平成22年内閣訓令第1号）1(2)ウ writes the prefix in kanji before a kanji word (御案内, 御挨拶) and in
 * kana before a kana word (ごもっとも); 「公用文作成の考え方」 (2022) keeps 御 for 告示・通知 and accepts ご
 * in kana in explanatory and public-facing text. The 常用漢字表 gives 御 the readings ギョ・ゴ・おん, not お.
 *
 * - `notice` profile: ご before a listed kanji word → 御 (ご指摘→御指摘, ご協力→御協力). The list keeps
 *   out words where ご is not the prefix or the kanji form is unusual (ご飯, ご存じ, ごみ).
 * - every profile: 御 where it reads お or stands before kana → kana (御願い→お願い, 御知らせ→お知らせ,
 *   御もっとも→ごもっとも): outside the 常用漢字表's readings, or against 1(2)ウ.
 * 御中, 御用, 制御, 防御 and 御 before other kanji words are left alone.
 */
import type { Localized } from '../../../i18n/locale';
import type { SegmentContext, SegmentRule } from '../../types';
import { scanPatterns, type PatternEntry } from './common';

const OFFICIAL_HONORIFIC_PREFIX = 'official-honorific-prefix';

const KANJI_NOTE: Localized = {
  ja: '（漢字の語に付く接頭語「御」は告示・通知では漢字で書く）',
  en: ' (the prefix 御 before a kanji word is written in kanji in notices)',
};
const KANA_NOTE: Localized = {
  ja: '（「お」と読む御・仮名の語に付く御は仮名で書く）',
  en: ' (御 read お, or before a kana word, is written in kana)',
};

/** Kanji words that take the prefix ご in 公用文 (意見募集の結果, 通知, 依頼文). */
const GO_WORDS =
  '意見|指摘|協力|理解|確認|連絡|案内|報告|提出|利用|相談|注意|参照|参考|説明|検討|質問|提案|要望|配慮|負担|承知|了承|記入|回答|留意|迷惑|不便|支援|対応|判断|指導|依頼|登録|返信|送付|審議|尽力|助言|教示|意向|用意|活用|周知|紹介|清聴|来庁|来場|応募|請求|返送|署名|捺印|押印|本人|家族|自身|遠慮|寄付|寄附|査収|高配|冥福|挨拶';

const ENTRIES: readonly PatternEntry[] = [
  {
    pattern: new RegExp(`ご(?=(?:${GO_WORDS}))`, 'g'),
    expected: '御',
    note: KANJI_NOTE,
    profiles: ['notice'],
  },
  { pattern: /御(?=願い|知らせ|問い?合わ?せ|尋ね|待ち|答え|忙しい|断り)/g, expected: 'お', note: KANA_NOTE },
  { pattern: /御(?=もっとも|ざいま)/g, expected: 'ご', note: KANA_NOTE },
  { pattern: /御座(?=いま)/g, expected: 'ござ', note: KANA_NOTE },
];

export const officialHonorificPrefixRule: SegmentRule = {
  descriptor: {
    code: OFFICIAL_HONORIFIC_PREFIX,
    defaultSeverity: 'information',
    fixable: true,
    title: { ja: '接頭語「御」「ご」「お」', en: 'The prefix 御, ご, お' },
    description: {
      ja: '告示・通知（notice）では漢字の語に付く「ご」を「御」と書きます（ご指摘→御指摘、ご協力→御協力）。解説・広報（explanatory）では「ご」も認めます。「お」と読む「御」は仮名にします（御願い→お願い）。',
      en: 'In notices (notice) the prefix before a kanji word is 御 (ご指摘→御指摘); explanatory text may write ご. 御 read お is written in kana (御願い→お願い).',
    },
  },
  check: (context: SegmentContext) => scanPatterns(OFFICIAL_HONORIFIC_PREFIX, context, ENTRIES),
};
