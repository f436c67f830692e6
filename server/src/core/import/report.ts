/** The uncertainty report of an import, as lines for the CLI and the editor. */
import { localize, type Locale } from '../i18n/locale';
import { ISSUE_MESSAGES, type ImportIssue } from './types';

const PAGE = { ja: '{page}ページ', en: 'page {page}' };

/** One line per issue, page first when known: 「3ページ: 見出しと推定しました…」. */
export function issueLines(issues: readonly ImportIssue[], locale: Locale): string[] {
  return issues
    .slice()
    .sort((a, b) => (a.page ?? 0) - (b.page ?? 0))
    .map((issue) => {
      const message = localize(locale, ISSUE_MESSAGES[issue.code], { text: issue.text });
      return issue.page === undefined ? message : `${localize(locale, PAGE, { page: issue.page })}: ${message}`;
    });
}
