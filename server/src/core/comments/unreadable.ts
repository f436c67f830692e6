/**
 * A file that looks like a published comment result but that no reader accepts is reported, never
 * skipped in silence: the user sees what was found and what was expected. "Looks like": its first
 * lines mention both 意見 and 考え方 (the heading of every 意見募集の結果), or a PDF, Excel or Word
 * file is named like one (意見, パブコメ, pubcomment …).
 */
import { filled, type Localized } from '../i18n/locale';

const COMMENT_NAME = /意見|パブコメ|パブリック・?コメント|意見募集|pub-?comment|public[-_ ]?comment|iken/i;
const BINARY_KINDS: Record<string, string> = { pdf: 'PDF', xlsx: 'Excel', xls: 'Excel', docx: 'Word', doc: 'Word' };
const HEAD_LINES = 15;

const MESSAGES = {
  binary: {
    ja: '意見募集の結果らしい {kind} ファイルですが、{kind} の意見の文書はまだ読めません。公表資料の本文をテキスト（.txt）に書き出すか、CSV・YAML にしてください。',
    en: 'This {kind} file looks like a public-comment result, but {kind} comment documents cannot be read yet. Save the text of the result as .txt, or convert it to CSV or YAML.',
  },
  text: {
    ja: '意見募集の結果らしい文書です（先頭の行に「意見」と「考え方」があります）が、読めませんでした。表の見出し行（「番号 該当箇所 提出者 意見 考え方」など）か、comments の一覧（YAML・JSON）、意見の列のある CSV が必要です。',
    en: 'This looks like a public-comment result (its first lines mention 意見 and 考え方) but could not be read: expected the table heading row (番号 該当箇所 提出者 意見 考え方 …), a comments list (YAML/JSON) or a CSV with comment columns.',
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
