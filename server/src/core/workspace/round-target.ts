/**
 * Which guideline a comment round is about. A folder often holds comment results about other
 * documents (another ministry's guideline, an earlier notice): their comments must not be attached
 * to the guideline here, least of all their general comments (全般), which attach to a document as
 * a whole. A round is attached only when
 * 1. its title names the guideline (「…」, （案）, 版 and spacing tolerated), or
 * 2. the project file lists the round (comments.files) and one guideline is in the workspace, or
 * 3. it is the only guideline and the round's title names no other document;
 * otherwise it is about no guideline here, with the reason.
 */
import type { Localized } from '../i18n/locale';
import type { CommentRound } from '../comments/model';
import type { GuidelineDocument } from '../model/document';
import { titleKey } from '../text/width';

export type UnattachedReason = 'names-other-document' | 'several-guidelines' | 'no-guideline';

export interface RoundTarget {
  readonly document: GuidelineDocument | null;
  /** Why the round is attached to no guideline (null when attached). */
  readonly reason: UnattachedReason | null;
  /** The document the round's title names, as written, when it names one. */
  readonly named: string | null;
}

export const UNATTACHED_MESSAGES: Record<UnattachedReason, Localized> = {
  'names-other-document': {
    ja: '「{named}」についての意見で、このワークスペースのガイドラインについての意見ではありません。',
    en: 'These comments are about "{named}", not about a guideline in this workspace.',
  },
  'several-guidelines': {
    ja: 'ワークスペースにガイドラインが複数あり、意見の題名からどのガイドラインについての意見か分かりません。',
    en: 'The workspace has several guidelines and the title of the comments does not name one of them.',
  },
  'no-guideline': {
    ja: 'ワークスペースにガイドラインがありません。',
    en: 'The workspace has no guideline.',
  },
};

const OPEN = '「『｢';
const CLOSE = '」』｣';

/** Words after the document's name in a round's title: 「…」に対する意見及びそれに対する考え方. */
const ROUND_SUFFIX =
  /(?:に対する|についての|に関する|に係る|への)?(?:意見募集|意見公募|パブリック・?コメント|御意見|ご意見|意見).*$/;

/** The document a round's title names: the quoted name, else the title before 「に対する意見…」. */
export function namedDocument(title: string | null): string | null {
  if (!title) return null;
  const text = title.trim();
  const open = [...text].findIndex((ch) => OPEN.includes(ch));
  if (open >= 0) {
    const chars = [...text];
    const close = chars.findIndex((ch, i) => i > open && CLOSE.includes(ch));
    if (close > open + 1) return chars.slice(open + 1, close).join('');
  }
  const name = text.replace(ROUND_SUFFIX, '').trim();
  return name.length >= 4 ? name : null;
}

/** A name that reads as a document's (…ガイドライン, …の手引き, …規程), not a heading such as 別紙. */
const DOCUMENT_WORD =
  /ガイドライン|指針|手引|マニュアル|規程|規則|要領|要綱|基準|方針|計画|条例|法律|政令|省令|告示|通知|通達|案/;

/** A document name compared loosely: width, spaces, brackets, a trailing （案）/（令和5年版）/第2版. */
export function documentNameKey(name: string): string {
  let key = titleKey(name);
  for (;;) {
    const next = key
      .replace(/[（(][^（）()]*[）)]$/, '')
      .replace(/(?:第?[0-9一二三四五六七八九十]+|(?:令和|平成)[0-9元]+年(?:[0-9]+月)?)?版$/, '')
      .replace(/(?:の)?(?:改定|改正)?案$/, '');
    if (next === key) return key;
    key = next;
  }
}

function names(document: GuidelineDocument, named: string): boolean {
  const a = documentNameKey(document.title);
  const b = documentNameKey(named);
  if (a.length < 4 || b.length < 4) return false;
  return a === b || a.includes(b) || b.includes(a);
}

/**
 * The documents that read as guidelines: those with numbered sections (a README beside the
 * guideline is not a second guideline), or all when none has any.
 */
function guidelinesOf(documents: readonly GuidelineDocument[]): readonly GuidelineDocument[] {
  const numbered = documents.filter((d) => d.sectionsByNumber.size > 0);
  return numbered.length > 0 ? numbered : documents;
}

export function roundTarget(
  round: CommentRound,
  allDocuments: readonly GuidelineDocument[],
  declared = false,
): RoundTarget {
  const documents = guidelinesOf(allDocuments);
  const written = namedDocument(round.title);
  const named = written && DOCUMENT_WORD.test(written) ? written : null;
  if (documents.length === 0) return { document: null, reason: 'no-guideline', named };
  if (named) {
    // The guideline named exactly (its current version beside a draft of another) before one whose name contains it.
    const key = documentNameKey(named);
    const byName = documents.find((d) => documentNameKey(d.title) === key) ?? documents.find((d) => names(d, named));
    if (byName) return { document: byName, reason: null, named };
  }
  if (documents.length === 1 && (declared || !named)) return { document: documents[0], reason: null, named };
  if (named) return { document: null, reason: 'names-other-document', named };
  return { document: null, reason: 'several-guidelines', named };
}
