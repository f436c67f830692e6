/**
 * Every finding of one document, in one place for the server, the CLI and the tests: guidelines
 * (notation checks, cross references, numbering, comments about them) and comment documents
 * (reading problems, unresolved locations). Suppression comments apply to all of them.
 */
import type { Finding } from '../findings';
import type { Locale } from '../i18n/locale';
import { applyRuleSettings, type RuleSettings } from '../config/rule-settings';
import type { GuidelineDocument } from '../model/document';
import { numberingFindings } from '../model/numbering';
import { xrefFindings } from './xref-check';
import type { CommentRound } from '../comments/model';
import { checkDocument, segmentDirectives, type CheckFinding } from '../checks/document';
import { filterSuppressed, filterSuppressedBy } from '../checks/suppression';
import type { CheckConfig, TermDecision } from '../checks/types';
import type { KatakanaState } from './katakana-decision';
import type { GuidelineIndex } from './guideline-index';
import { decidingComment, type CommentLink, type CommentLinks } from './comment-links';
import type { AnchoredLinks } from './comment-anchors';
import { chunkSegments } from './chunk-checks';
import { commentFileFindings, guidelineCommentFindings, type CommentDiagnosticsMode } from './comment-findings';
import { localize } from '../i18n/locale';
import type { PromiseFeed } from '../comments/promise';
import { uriAtPosition } from '../text/position';

export interface FindingOptions {
  readonly locale: Locale;
  readonly rules: RuleSettings;
  readonly commentDiagnostics?: CommentDiagnosticsMode;
  /** Notation checks; omitted, they do not run. */
  readonly checks?: CheckConfig;
  /** Katakana spellings and the decision across the workspace; default: the document's own. */
  readonly katakana?: KatakanaState;
  /** Promise states inferred from versions of the guideline (core/comments/promise.ts). */
  readonly promiseFeed?: PromiseFeed;
}

const DECIDED_BY = { ja: '用語を決めた意見{number}', en: 'Comment {number}, which decided the term' } as const;

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/**
 * `anchors`: comment links made on an earlier version of the same structure, placed in this one
 * (see comment-anchors.ts); without them the links' own nodes give the ranges.
 */
export function guidelineFindings(
  document: GuidelineDocument,
  index: GuidelineIndex,
  options: FindingOptions,
  links?: CommentLinks,
  anchors?: AnchoredLinks,
): CheckFinding[] {
  const structural: Finding[] = [
    ...xrefFindings(document, index, options.locale),
    ...numberingFindings(document, options.locale),
  ];
  if (links) {
    const rangeOf = anchors ? (link: CommentLink) => anchors.rangeIn(document, link) : undefined;
    structural.push(
      ...guidelineCommentFindings(
        links.forDocument(document.uri),
        options.commentDiagnostics ?? 'accepted',
        options.locale,
        rangeOf,
        options.promiseFeed,
      ),
    );
  }
  const placed = structural.map((finding) => ({
    finding,
    code: finding.code,
    start: document.lines.offsetAt(finding.range.start),
  }));
  const segments = chunkSegments(document);
  const kept = options.checks
    ? filterSuppressedBy(segmentDirectives(segments, options.checks), document.lines, placed)
    : filterSuppressed(document.text, placed);
  const findings: CheckFinding[] = kept.map((p) => p.finding);
  if (options.checks) {
    const describeDecision = (decision: TermDecision) => {
      const found = links ? decidingComment(links, decision) : null;
      if (!found) return undefined;
      return {
        href: uriAtPosition(found.round.uri, { line: found.comment.range.start.line }),
        related: {
          uri: found.round.uri,
          range: found.comment.range,
          message: localize(options.locale, DECIDED_BY, { number: found.comment.number }),
        },
      };
    };
    const checked = checkDocument(document.uri, document.text, options.checks, options.locale, {
      segments,
      ...(options.katakana ? { variants: options.katakana.decision, spellingCounts: options.katakana.counts } : {}),
      describeDecision,
      lines: document.lines,
    });
    // A loop, not push(...): a hostile document can have more findings than a call takes arguments.
    for (const finding of checked) findings.push(finding);
  }
  return applyRuleSettings(findings.sort(byPosition), options.rules);
}

export function commentDocumentFindings(
  round: CommentRound,
  links: CommentLinks,
  options: FindingOptions,
  duplicateOf: CommentRound | null = null,
): Finding[] {
  return applyRuleSettings(
    commentFileFindings(round, links.forRound(round.uri), options.locale, duplicateOf).sort(byPosition),
    options.rules,
  );
}
