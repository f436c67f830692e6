/**
 * Every finding of one document, in one place for the server, the CLI and the tests: guidelines
 * (cross references, numbering, comments about them) and comment documents (reading problems,
 * unresolved locations).
 */
import type { Finding } from '../findings';
import type { Locale } from '../i18n/locale';
import { applyRuleSettings, type RuleSettings } from '../config/rule-settings';
import type { GuidelineDocument } from '../model/document';
import { numberingFindings } from '../model/numbering';
import { xrefFindings } from '../model/xref-check';
import type { CommentRound } from '../comments/model';
import type { GuidelineIndex } from './guideline-index';
import type { CommentLinks } from './comment-links';
import { commentFileFindings, guidelineCommentFindings, type CommentDiagnosticsMode } from './comment-findings';

export interface FindingOptions {
  readonly locale: Locale;
  readonly rules: RuleSettings;
  readonly commentDiagnostics?: CommentDiagnosticsMode;
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

export function guidelineFindings(document: GuidelineDocument, index: GuidelineIndex, options: FindingOptions, links?: CommentLinks): Finding[] {
  const findings = [...xrefFindings(document, index, options.locale), ...numberingFindings(document, options.locale)];
  if (links) findings.push(...guidelineCommentFindings(links.forDocument(document.uri), options.commentDiagnostics ?? 'accepted', options.locale));
  return applyRuleSettings(findings.sort(byPosition), options.rules);
}

export function commentDocumentFindings(round: CommentRound, links: CommentLinks, options: FindingOptions): Finding[] {
  return applyRuleSettings(commentFileFindings(round, links.forRound(round.uri), options.locale).sort(byPosition), options.rules);
}
