/**
 * The header vocabulary of comment tables as ministries write it: 番号/No./項番; 該当箇所/該当部分/項目/章;
 * 提出者/意見提出者; 提出された意見/御意見の概要/意見の概要/コメントの概要/素案に対する意見（概要）;
 * 意見に対する考え方/御意見に対する考え方/○○省の考え方/金融庁の考え方. Exact names first, then
 * patterns for the wordings the list does not hold.
 */
export type Column =
  | 'number'
  | 'location'
  | 'document'
  | 'section'
  | 'part'
  | 'item'
  | 'page'
  | 'submitter'
  | 'opinion'
  | 'response'
  | 'disposition'
  | 'notes';

const HEADER_NAMES: Readonly<Record<Column, readonly string[]>> = {
  number: ['番号', '通し番号', '項番', '意見番号', 'no', 'no.', '#', 'number', '整理番号'],
  location: ['該当箇所', '該当部分', '意見箇所', '該当個所', '該当ページ', '該当項目', '該当条項', 'location'],
  document: ['資料', '資料名'],
  section: ['章', '節', '章節', '項', '章・節', 'section'],
  part: ['パート', '部分', 'part'],
  item: ['項目', '号', 'item', 'items'],
  page: ['ページ', '頁', 'ページ番号', 'page'],
  submitter: ['提出者', '属性', '提出者属性', '提出者の属性', '意見提出者', '提出者名', 'submitter'],
  opinion: [
    '提出された意見',
    '意見',
    '御意見',
    'ご意見',
    '意見の概要',
    '御意見の概要',
    'ご意見の概要',
    '意見内容',
    '提出意見',
    'コメントの概要',
    'コメント',
    '素案に対する意見(概要)',
    '素案に対する意見',
    '意見の要旨',
    '御意見の要旨',
    'opinion',
  ],
  response: [
    '意見に対する考え方',
    '考え方',
    '回答',
    '方針・コメント',
    '御意見に対する考え方',
    'ご意見に対する考え方',
    'コメントに対する考え方',
    '対応方針',
    '意見に対する回答',
    'response',
  ],
  disposition: ['対応', '区分', '対応区分', '反映状況', '修正の有無', 'disposition'],
  notes: ['備考', 'メモ', 'notes', 'note'],
};

/** Wordings beyond the list, tried in order on the normalised name. */
const HEADER_PATTERNS: ReadonlyArray<readonly [RegExp, Column]> = [
  // ○○省の考え方, 金融庁の考え方, 当省の考え方, 国土交通省の回答
  [/^.{0,14}(?:省|庁|府|委員会|本部|局|当省|当庁|市|町|村|県|都|道)の(?:考え方|回答)$/, 'response'],
  [/(?:に対する|への)(?:考え方|回答)$/, 'response'],
  [/^(?:提出|寄せられた|主な)?(?:御|ご)?(?:意見|コメント)(?:の)?(?:概要|要旨|内容)?$/, 'opinion'],
  [/^.{0,12}に対する(?:御|ご)?(?:意見|コメント)(?:の)?(?:概要|要旨)?$/, 'opinion'],
];

const HEADER_LOOKUP = new Map<string, Column>(
  (Object.entries(HEADER_NAMES) as [Column, readonly string[]][]).flatMap(([column, names]) =>
    names.map((n) => [headerKey(n), column] as const),
  ),
);

/** NFKC, no spaces, lower case; 「（概要）」 keeps its brackets half-width. */
function headerKey(name: string): string {
  return name.normalize('NFKC').replace(/\s/g, '').toLowerCase();
}

/** Answers per text: readers ask for every line of a long result, and a table repeats its cells. */
const seen = new Map<string, Column | null>();
const SEEN_LIMIT = 4096;

export function columnOfHeader(name: string): Column | undefined {
  // A cell of text is no header name; NFKC never shortens a name to a third.
  if (name.length > 72) return undefined;
  const known = seen.get(name);
  if (known !== undefined) return known ?? undefined;
  const column = lookUp(headerKey(name));
  if (seen.size >= SEEN_LIMIT) seen.clear();
  seen.set(name, column ?? null);
  return column;
}

function lookUp(key: string): Column | undefined {
  if (!key || key.length > 24) return undefined;
  const exact = HEADER_LOOKUP.get(key);
  if (exact) return exact;
  for (const [pattern, column] of HEADER_PATTERNS) if (pattern.test(key)) return column;
  return undefined;
}

/** The columns of a header row, or null when the cells do not name a comment table. */
export function headerColumns(cells: readonly string[]): Array<Column | null> | null {
  const columns = cells.map((c) => columnOfHeader(c) ?? null);
  const known = new Set(columns.filter((c): c is Column => c !== null));
  return known.size >= 2 && (known.has('opinion') || known.has('response')) ? columns : null;
}

/** What the readers expect, for the message naming what they saw instead. */
export const EXPECTED_HEADERS =
  '番号／No.、該当箇所、提出者、提出された意見／御意見の概要、意見に対する考え方／○○省の考え方';

/** Location text from separate 資料/章/パート/項目/ページ columns. */
export function composeLocation(parts: Partial<Record<Column, string>>): string {
  const out: string[] = [];
  if (parts.document) out.push(parts.document);
  if (parts.section) out.push(parts.section);
  if (parts.part) out.push(/^[（(【]/.test(parts.part) ? parts.part : `（${parts.part}）`);
  if (parts.item) out.push(parts.item);
  if (parts.page) out.push(/^\s*[0-9０-９]+\s*$/.test(parts.page) ? `（${parts.page.trim()}ページ）` : parts.page);
  return out.join(' ');
}

/** Group headings inside a comment table: 「Ⅰ．…」「●全般」「【第3章について】」「第2章 …」「…について」. */
export const GROUP_HEADING =
  /^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+|[IVX]{1,4})\s*[.．、]|^[●■◆◇○◎□▼▽◯]\s*\S|^【[^】]{1,40}】$|^第\s*[0-9０-９一二三四五六七八九十]+\s*[章部編]|について[）)】]?$/;
