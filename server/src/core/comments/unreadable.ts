/**
 * Comment documents that cannot be read are explained, never skipped in silence:
 * - a file that looks like a published comment result (its first lines mention both 意見 and 考え方,
 *   or a PDF, Excel or Word file is named like one: 意見, パブコメ, pubcomment …) but that no reader
 *   accepts is reported when a folder is read;
 * - a file given as a comment document that is not one gets the header-like cells it holds (read as a
 *   table: tabs, commas, runs of spaces, Markdown pipes) against the column names expected.
 */
import { filled, type Localized } from '../i18n/locale';
import { decodeBytes } from '../text/encoding';
import { EXPECTED_HEADERS } from './grid/header';

const COMMENT_NAME = /意見|パブコメ|パブリック・?コメント|意見募集|pub-?comment|public[-_ ]?comment|iken/i;
const BINARY_KINDS: Record<string, string> = { pdf: 'PDF', xlsx: 'Excel', xls: 'Excel', docx: 'Word', doc: 'Word' };
const HEAD_LINES = 15;

const MESSAGES = {
  binary: {
    ja: '意見募集の結果らしい {kind} ファイルですが、意見の表を読み取れませんでした。表の見出し行（「番号 該当箇所 意見 考え方」など）のある表が必要です（画像だけの PDF は読めません）。',
    en: 'This {kind} file looks like a public-comment result, but no comment table was found in it: expected a table with a heading row (番号 該当箇所 意見 考え方 …); a PDF of scanned images cannot be read.',
  },
  brokenResult: {
    ja: '意見募集の結果らしい {kind} ファイルですが、{kind} のファイルとして読めません（{reason}）。',
    en: 'This {kind} file looks like a public-comment result, but it cannot be read as {kind} ({reason}).',
  },
  broken: {
    ja: '{kind} のファイルとして読めません（{reason}）。',
    en: 'Not a readable {kind} file ({reason}).',
  },
  text: {
    ja: '意見募集の結果らしい文書です（先頭の行に「意見」と「考え方」があります）が、読めませんでした。表の見出し行（「番号 該当箇所 提出者 意見 考え方」など）か、comments の一覧（YAML・JSON）、意見の列のある CSV が必要です。PDF から取り出したテキストで列が混ざっているときは、PDF そのものを読み込んでください。',
    en: 'This looks like a public-comment result (its first lines mention 意見 and 考え方) but could not be read: expected the table heading row (番号 該当箇所 提出者 意見 考え方 …), a comments list (YAML/JSON) or a CSV with comment columns. If it is text extracted from a PDF with its columns mixed up, read the PDF itself.',
  },
} satisfies Record<string, Localized>;

function extensionOf(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function nameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** A PDF, Excel or Word file named like a comment result (the CLI and the server look at these too). */
export function isCommentResultBinaryName(path: string): boolean {
  return extensionOf(path) in BINARY_KINDS && COMMENT_NAME.test(nameOf(path));
}

/** Why a PDF, Excel or Word file given or found as a comment document cannot be opened at all. */
export function brokenFileNotice(path: string, reason: string): Localized {
  const kind = BINARY_KINDS[extensionOf(path)] ?? 'PDF';
  return filled(isCommentResultBinaryName(path) ? MESSAGES.brokenResult : MESSAGES.broken, { kind, reason });
}

/**
 * Why a file that was not read as a comment document looks like one, or null when it does not.
 * `text`: the decoded content of a text file (null for binary files).
 */
export function unreadableCommentNotice(path: string, text: string | null): Localized | null {
  const kind = BINARY_KINDS[extensionOf(path)];
  if (kind) return isCommentResultBinaryName(path) ? filled(MESSAGES.binary, { kind }) : null;
  if (text === null) return null;
  const head = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n|\r/, HEAD_LINES)
    .join('\n');
  if (!head.includes('意見') || !head.includes('考え方')) return null;
  return MESSAGES.text;
}

const CELLS_SEEN = {
  ja: '意見の文書として読めません。見つかった見出し候補: {seen}。必要な列名: {expected}（または YAML・JSON の comments）。',
  en: 'not a comment document. Header-like cells seen: {seen}. Expected column names: {expected} (or YAML/JSON with comments).',
};

/** Control characters and replacement characters: bytes of a binary file, not a header cell. */
function hasBinary(cell: string): boolean {
  for (const ch of cell) {
    const code = ch.codePointAt(0)!;
    if (code < 0x09 || code === 0xfffd) return true;
  }
  return false;
}

/** What a file given as a comment document holds instead: its header-like cells, and what was expected. */
export function unreadableDescription(bytes: Uint8Array): Localized {
  const text = decodeBytes(bytes).text.slice(0, 20000);
  const cells = text
    .split(/\r?\n/, 40)
    .flatMap((line) => line.split(/\t|,|\||\s{2,}/))
    .map((c) => c.replace(/^[#\s*"]+|[\s*"]+$/g, ''))
    .filter((c) => c !== '' && c.length <= 24 && !/^-+$/.test(c) && !hasBinary(c));
  const seen = [...new Set(cells)].slice(0, 8);
  return filled(CELLS_SEEN, {
    seen: seen.length > 0 ? seen.map((s) => `「${s}」`).join('') : '—',
    expected: EXPECTED_HEADERS,
  });
}
