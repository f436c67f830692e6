/**
 * The authority each 公用文 rule follows, cited in docs/rules.md (scripts/gen-official-docs.mjs).
 * 訓令: 「公用文における漢字使用等について」（平成22年内閣訓令第1号）; 考え方: 「公用文作成の考え方」
 * （令和4年1月7日 文化審議会建議）.
 */
import type { Localized } from '../../../i18n/locale';

const KUNREI = {
  ja: '「公用文における漢字使用等について」（平成22年内閣訓令第1号）',
  en: 'Cabinet Directive No. 1 of 2010 (公用文における漢字使用等について)',
};
const KANGAEKATA = {
  ja: '「公用文作成の考え方」（令和4年 文化審議会建議）',
  en: '「公用文作成の考え方」 (Council for Cultural Affairs, 2022)',
};
const cite = (a: Localized, ja: string, en: string): Localized => ({ ja: a.ja + ja, en: a.en + en });

export const SOURCES: Readonly<Record<string, Localized>> = {
  'official-conjunction-kana': cite(
    KUNREI,
    ' 1(2)オ：接続詞は原則として仮名（おって・かつ・したがって・ただし・ところが・ところで・また・ゆえに）。例外は及び・並びに・又は・若しくは。',
    ' 1(2)(e): conjunctions in kana (かつ, したがって, ただし, また …), except 及び, 並びに, 又は, 若しくは.',
  ),
  'official-conjunction-kanji': cite(
    KUNREI,
    ' 1(2)オ の例外（及び・並びに・又は・若しくは は漢字）。' + KANGAEKATA.ja + ' は解説・広報等で仮名も認める。',
    ' 1(2)(e), the exceptions written in kanji; ' +
      KANGAEKATA.en +
      ' allows kana in explanatory and public-facing text.',
  ),
  'official-conjunction-level': cite(
    KANGAEKATA,
    '、法令の用字用語（「及び」と「並びに」、「又は」と「若しくは」の使い分け）。',
    ' and statutory usage (levels of 及び/並びに and 又は/若しくは).',
  ),
  'official-formal-noun': cite(
    KUNREI,
    ' 1(2)キ：こと（許可しないことがある。）・とおり（次のとおりである。）・とき・ところ・もの のように用いるときは仮名。',
    ' 1(2)(g): formal nouns (こと, とおり, とき, ところ, もの) in these uses in kana.',
  ),
  'official-auxiliary-kana': cite(
    KUNREI,
    ' 1(2)キ：…ていく・…ていただく（報告していただく。）・…ておく（通知しておく。）・…てください（問題点を話してください。）・…てくる・…てみる は仮名。補助動詞の「いたす」は「公用文作成の考え方」により仮名。',
    ' 1(2)(g): …ていただく, …ておく, …てください … in kana; the auxiliary いたす in kana per the 2022 guidance.',
  ),
  'official-kana-verb': cite(
    KUNREI,
    ' 1(2)キ：ある（その点に問題がある。）・できる（だれでも利用ができる。）・なる（合計すると1万円になる。）は仮名。助動詞「ない」（現地には、行かない。）は仮名（同 カ）。',
    ' 1(2)(g): ある, できる, なる in these uses in kana; the auxiliary ない in kana (1(2)(f)).',
  ),
  'official-kana-particle': cite(
    KUNREI,
    ' 1(2)カ：助動詞及び助詞（ようだ・ぐらい・だけ・ほど）は仮名。「ため」は常用漢字表に「為」の訓がない。',
    ' 1(2)(f): auxiliaries and particles (ようだ, ほど …) in kana; 為 has no reading ため in the 常用漢字表.',
  ),
  'official-joyo-kanji': {
    ja:
      '「常用漢字表」（平成22年内閣告示第2号）、' +
      KUNREI.ja +
      ' 1(1)、' +
      KANGAEKATA.ja +
      '（表外字は仮名・言い換え・振り仮名）。',
    en:
      'The 常用漢字表 (Cabinet Notice No. 2 of 2010), ' +
      KUNREI.en +
      ' 1(1), and ' +
      KANGAEKATA.en +
      ' (characters outside the table: kana, paraphrase or furigana).',
  },
  'official-number-kanji': cite(
    KANGAEKATA,
    '「数字の使い方」：横書きでは算用数字。ただし「一つ、二つ」のような和語の数詞、熟語・慣用句（一部・一般）は漢数字。',
    ' (use of numerals): Arabic numerals in horizontal text, but kanji in native counts (一つ, 二つ) and compounds (一部, 一般).',
  ),
  'official-number-comma': cite(
    KANGAEKATA,
    '「数字の使い方」：大きな数は3桁ごとにコンマで区切る（5,000　62,250円）。年・番号は区切らない。',
    ' (use of numerals): large numbers take a comma every three digits (5,000; 62,250円); years and numbers are not grouped.',
  ),
  'official-number-counter': cite(
    KANGAEKATA,
    '「数字の使い方」：「か」（3か月、5か所）は平仮名（「箇」を用いることもある）。',
    ' (use of numerals): 3か月, 5か所 in hiragana (箇 also acceptable).',
  ),
  'official-comma-style': cite(
    KANGAEKATA,
    '「符号の使い方」：読点には「、」を用いる。横書きでは「，」も用いてよいが、一つの文書内でどちらかに統一する。',
    ' (punctuation): the comma is 「、」; 「，」 is allowed in horizontal text, but one of them throughout a document.',
  ),
  'official-bracket-period': cite(
    KANGAEKATA,
    '「符号の使い方」：括弧の中で文が終わる場合には句点を打つ（（以下「公用文」という。））。',
    ' (punctuation): a sentence ending inside brackets takes 。 (（以下「公用文」という。）).',
  ),
  'official-item-label-period': cite(
    KANGAEKATA,
    '「符号の使い方」「項目の示し方」：項目の階層は 第1 → 1 → (1) → ア → (ア) → a → (a) の順、番号の後にピリオドは付けない。',
    ' (punctuation, item labels): item labels 第1 → 1 → (1) → ア → (ア) → a → (a), with no period after a label.',
  ),
  'official-literary': cite(
    KANGAEKATA,
    '「文語の名残に引きずられない」：文語の名残に引きずられない（…のごとく→…のように、…すべく→…するために、大いなる→大きな、進まんとする→進もうとする）。',
    ' (no literary leftovers): avoid literary leftovers (のごとく→のように, すべく→するために, 大いなる→大きな, 進まんとする→進もうとする).',
  ),
  'official-adverb-kanji': cite(
    KUNREI,
    ' 1(2)イ：副詞は原則として漢字（既に・必ず・例えば・少なくとも・全て・全く・常に・直ちに・極めて・再び・互いに・恐らく・特に）。ただし、かなり・ふと・やはり・よほど は仮名。',
    ' 1(2)(b): adverbs in kanji (既に, 必ず, 例えば, 少なくとも, 全て …), but かなり, ふと, やはり, よほど in kana.',
  ),
  'official-legal-kana': {
    ja: '「法令における漢字使用等について」（平成22年内閣法制局長官決定）と「公用文作成の考え方」：おそれ（虞・恐れ）・ほか（外）・もって・よる は仮名。',
    en: '「法令における漢字使用等について」 (Cabinet Legislation Bureau, 2010) and 「公用文作成の考え方」: おそれ, ほか, もって, よる in kana.',
  },
  'official-compound-noun': cite(
    KUNREI,
    ' 2(1)イ：活用のない複合の語で読み間違えるおそれのないものは「送り仮名の付け方」通則6の許容により送り仮名を省く（表：取扱い・申込み・引渡し・見積り・手続・届出・組合せ …）。通則7：慣用が固定した語は送り仮名を付けない（受付・申込書・見積書・取扱所）。「公用文作成の考え方」は解説・広報等で本則の送り仮名も認める。',
    ' 2(1)(b): compound nouns without conjugation take the permitted short okurigana of 送り仮名の付け方 rule 6 (the list: 取扱い, 申込み, 引渡し, 見積り, 手続, 届出, 組合せ …); rule 7: words fixed by usage take none (受付, 申込書, 見積書, 取扱所). 「公用文作成の考え方」 allows the full okurigana in explanatory and public-facing text.',
  ),
  'official-honorific-prefix': cite(
    KUNREI,
    ' 1(2)ウ：接頭語は、付く語を漢字で書く場合は漢字（御案内・御挨拶）、仮名で書く場合は仮名（ごもっとも）。常用漢字表の「御」の音訓は ギョ・ゴ・おん（「お」はない）。「公用文作成の考え方」は解説・広報等で「ご」の仮名書きも認める。',
    ' 1(2)(c): a prefix is in kanji before a kanji word (御案内) and in kana before a kana word (ごもっとも); the 常用漢字表 gives 御 no reading お. 「公用文作成の考え方」 accepts ご in kana in explanatory and public-facing text.',
  ),
};
