/**
 * The standard vocabulary of the guideline: the roles of its information security organisation
 * and terms it defines. Offered by completion; data, not logic.
 */
export interface VocabularyEntry {
  readonly term: string;
  readonly kind: 'role' | 'term';
  readonly note: { readonly ja: string; readonly en: string };
}

export const STANDARD_VOCABULARY: readonly VocabularyEntry[] = [
  {
    term: '最高情報セキュリティ責任者（CISO）',
    kind: 'role',
    note: {
      ja: '全庁の情報セキュリティ対策の最終責任者（副市長等）',
      en: 'Chief information security officer (deputy mayor or similar)',
    },
  },
  {
    term: '最高情報セキュリティ責任者',
    kind: 'role',
    note: { ja: 'CISO。全庁の情報セキュリティ対策の最終責任者', en: 'Chief information security officer' },
  },
  {
    term: '統括情報セキュリティ責任者',
    kind: 'role',
    note: {
      ja: 'CISO を補佐し、全庁の対策を統括する者（情報政策担当部長等）',
      en: 'Assists the CISO and coordinates measures across the organisation',
    },
  },
  {
    term: '情報セキュリティ責任者',
    kind: 'role',
    note: {
      ja: '各部局の情報セキュリティ対策の責任者（部局長）',
      en: 'Responsible for the measures of a department (department head)',
    },
  },
  {
    term: '情報セキュリティ管理者',
    kind: 'role',
    note: {
      ja: '各課室の情報セキュリティ対策の責任者（課室長）',
      en: 'Responsible for the measures of a division (division head)',
    },
  },
  {
    term: '情報システム管理者',
    kind: 'role',
    note: { ja: '所管する情報システムの管理責任者', en: 'Responsible for an information system' },
  },
  {
    term: '情報システム担当者',
    kind: 'role',
    note: {
      ja: '情報システムの開発・設定・運用等を行う者',
      en: 'Develops, configures and operates an information system',
    },
  },
  {
    term: '情報セキュリティ委員会',
    kind: 'role',
    note: { ja: '情報セキュリティポリシー等を決定する組織', en: 'The committee that decides the policy' },
  },
  {
    term: '情報セキュリティに関する統一的な窓口',
    kind: 'role',
    note: { ja: 'CSIRT 等、インシデントの報告を受ける窓口', en: 'The single point of contact for incidents (CSIRT)' },
  },
  {
    term: 'CSIRT',
    kind: 'role',
    note: { ja: '情報セキュリティインシデントに対応する体制', en: 'Computer security incident response team' },
  },
  {
    term: '職員等',
    kind: 'term',
    note: { ja: '職員、非常勤職員及び臨時職員', en: 'Staff, part-time and temporary staff' },
  },
  {
    term: '情報資産',
    kind: 'term',
    note: {
      ja: 'ネットワーク、情報システム、これらで取り扱う情報等',
      en: 'Networks, systems and the information they handle',
    },
  },
  {
    term: '管理区域',
    kind: 'term',
    note: { ja: '情報システム室等、基幹的な機器を設置し管理する区域', en: 'Server rooms and other controlled areas' },
  },
  {
    term: '電磁的記録媒体',
    kind: 'term',
    note: { ja: 'USBメモリ、外付けハードディスク等', en: 'Removable storage media' },
  },
  {
    term: '情報セキュリティインシデント',
    kind: 'term',
    note: { ja: '情報セキュリティを脅かす事象', en: 'An information security incident' },
  },
  {
    term: 'ソーシャルメディアサービス',
    kind: 'term',
    note: {
      ja: '2015年の意見募集（意見6）を受けて「SMS」から改めた用語',
      en: 'Replaced "SMS" after public comment 6 of the 2015 round',
    },
  },
  {
    term: '外部委託事業者',
    kind: 'term',
    note: { ja: '情報システムの開発・運用等を委託する事業者', en: 'A contractor' },
  },
  {
    term: '機密性2以上の情報',
    kind: 'term',
    note: {
      ja: '情報資産の分類で機密性2又は3に当たる情報',
      en: 'Information classified at confidentiality level 2 or above',
    },
  },
];
