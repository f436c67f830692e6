/**
 * The lists behind rule 8 of issue 17 (`official-compound-noun`), as data.
 *
 * KUNREI_COMPOUND_NOUNS: 「公用文における漢字使用等について」（平成22年内閣訓令第1号）2(1)イ (the same list as
 * 「法令における漢字使用等について」 2(1)): compound nouns without conjugation, written with the 許容 送り仮名
 * of 「送り仮名の付け方」 通則6. TSUSOKU7_NOUNS: 通則7, nouns whose form is fixed by usage (no 送り仮名).
 * The tables of the rule below may only produce forms of these lists (a unit test checks each entry):
 * never 申込 for 申込み, nor 組合 (the association, 通則7) for 組合せ. Two entries on clothing
 * (帯・靴下の留め) whose spelling this project could not confirm are left out; the rule uses neither.
 */
export const KUNREI_COMPOUND_NOUNS: readonly string[] = (
  '明渡し 預り金 言渡し 入替え 植付け 魚釣用具 受入れ 受皿 受持ち 受渡し 渦巻 打合せ 打合せ会 打切り 内払 移替え 埋立て ' +
  '売上げ 売惜しみ 売出し 売場 売払い 売渡し 売行き 縁組 追越し 置場 贈物 折詰 買上げ 買入れ 買受け 買換え 買占め ' +
  '買取り 買戻し 買物 書換え 格付 掛金 貸切り 貸金 貸越し 貸倒れ 貸出し 貸付け 借入れ 借受け 借換え 刈取り 缶切 期限付 ' +
  '切上げ 切替え 切下げ 切捨て 切土 切取り 切離し 組合せ 組入れ 組替え 組立て くみ取便所 繰上げ 繰入れ 繰替え ' +
  '繰越し 繰下げ 繰延べ 繰戻し 差押え 差止め 差引き 差戻し 砂糖漬 下請 締切り 条件付 仕分 据置き 据付け 捨場 座込み 栓抜 ' +
  '備置き 備付け 染物 田植 立会い 立入り 立替え 立札 月掛 付添い 月払 積卸し 積替え 積込み 積出し 積立て 積付け 釣合い ' +
  '釣鐘 釣銭 釣針 手続 問合せ 届出 取上げ 取扱い 取卸し 取替え 取決め 取崩し 取消し 取壊し 取下げ 取締り 取調べ 取立て ' +
  '取次ぎ 取付け 取戻し 投売り 抜取り 飲物 乗換え 乗組み 話合い 払込み 払下げ 払出し 払戻し 払渡し 払渡済み 貼付け 引上げ ' +
  '引揚げ 引受け 引起し 引換え 引込み 引下げ 引締め 引継ぎ 引取り 引渡し 日雇 歩留まり 船着場 不払 賦払 振出し 前払 巻付け ' +
  '巻取り 見合せ 見積り 見習 未払 申合せ 申合せ事項 申入れ 申込み 申立て 申出 持家 持込み 持分 元請 戻入れ 催物 盛土 焼付け ' +
  '雇入れ 雇主 譲受け 譲渡し 呼出し 読替え 割当て 割増し 割戻し'
).split(' ');

/** 通則7: forms fixed by usage (the ones this rule produces, and their neighbours in the list). */
export const TSUSOKU7_NOUNS: readonly string[] = (
  '取締役 事務取扱 書留 気付 切手 消印 小包 振替 切符 踏切 請負 売値 買値 仲買 歩合 両替 割引 組合 手当 倉敷料 作付面積 ' +
  '売上高 貸付金 借入金 繰越金 小売商 積立金 取扱所 取扱注意 取次店 取引所 乗換駅 乗組員 引受人 引受時刻 引換券 代金引換 ' +
  '振出人 待合室 見積書 申込書 奥書 木立 子守 献立 座敷 試合 字引 場合 羽織 葉巻 番組 番付 日付 水引 物置 物語 役割 屋敷 ' +
  '夕立 割合 合図 合間 植木 置物 織物 貸家 敷石 敷地 敷物 立場 建物 並木 巻紙 受付 受取 浮世絵 絵巻物 仕立屋'
).split(' ');
