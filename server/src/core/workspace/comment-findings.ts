/**
 * Diagnostics from public comments. In a guideline: `comment-accepted` on the node an accepted
 * comment is about (what was promised), and with mode `all` one finding per comment of any
 * disposition (`comment-<disposition>`). In a comment file: its reading problems, `comment-unresolved`
 * for a 該当箇所 that names nothing in the guidelines, `comment-partial` where only an ancestor exists.
 */
import { UNATTACHED_MESSAGES } from './round-target';
import type { Finding } from '../findings';
import { localize, type Locale } from '../i18n/locale';
import type { CommentRound } from '../comments/model';
import { DISPOSITION_LABELS } from '../comments/disposition';
import { roundYear } from '../comments/round-year';
import { isOpenPromise, PROMISE_LABELS, resolvePromise, type PromiseFeed } from '../comments/promise';
import { displayName } from '../model/node';
import type { CommentLink } from './comment-links';
import type { Range } from '../text/position';
import { shorten } from '../text/shorten';

export type CommentDiagnosticsMode = 'off' | 'accepted' | 'all';

const MESSAGES = {
  accepted: {
    ja: '意見{number}（{round}）への考え方で修正が約束されています（{status}）：{promise}',
    en: 'The response to comment {number} ({round}) promises a change ({status}): {promise}',
  },
  other: { ja: '意見{number}（{round}、{label}）：{opinion}', en: 'Comment {number} ({round}, {label}): {opinion}' },
  commentHere: { ja: '意見{number}の記録', en: 'Record of comment {number}' },
  unresolved: {
    ja: '該当箇所「{raw}」がガイドラインに見つかりません（{missing} がありません）。',
    en: 'The location "{raw}" is not in any guideline ({missing} not found).',
  },
  partial: {
    ja: '該当箇所「{raw}」のうち {missing} が見つからないため、{found} に対応付けました。',
    en: 'In "{raw}", {missing} was not found; linked to {found}.',
  },
  target: { ja: '対応付けた箇所：{name}', en: 'Linked to: {name}' },
  duplicate: {
    ja: 'この意見の回は {kept} と同じ内容です（{dropped} と {kept}）。二重に数えないよう {kept} だけを使います。',
    en: 'This round has the same comments as {kept} ({dropped} and {kept}); only {kept} is counted.',
  },
  draftResponse: {
    ja: '意見{number}への考え方はまだ書かれていません（「原案のとおり」「修正いたします」などの定型文を補完できます）。',
    en: 'The response to comment {number} is not written yet (standard phrases are offered as completion).',
  },
  unattached: {
    ja: '{reason}意見はどのガイドラインにも対応付けていません。',
    en: '{reason} Its comments are linked to no guideline.',
  },
  roundNamed: { ja: '意見募集{draft}', en: 'public comment {draft}' },
  roundOfYear: { ja: '{year}年 {name}', en: '{year} {name}' },
} as const;

/** The sentence of a response that carries the promise (…修正いたします), shortened. */
function promiseOf(response: string, max = 120): string {
  const flat = response.replace(/\s*\n\s*/g, '');
  const sentences = flat.split(/(?<=。)/);
  const promise =
    sentences.find((s) => /(修正|追記|変更|追加|反映|改め|加え)/.test(s)) ?? sentences[sentences.length - 1] ?? flat;
  return shorten(promise.trim(), max);
}

/**
 * A short name that tells rounds apart: the year (from the date, else from the file name or the
 * title) and what the draft was called (「…（骨子案）」 vs 「…（案）」), e.g. 「2015年 意見募集（案）」.
 */
export function roundLabel(round: CommentRound, locale: Locale): string {
  const file = decodeURIComponent(round.uri.split('/').pop() ?? round.uri);
  const year = roundYear(round);
  const draft = /[｢「][^」]*?([（(][^）)]*[）)])[」]/.exec(round.title ?? '')?.[1] ?? '';
  const name = round.title ? localize(locale, MESSAGES.roundNamed, { draft }) : file;
  return year ? localize(locale, MESSAGES.roundOfYear, { year, name }) : name;
}

/**
 * Findings on the nodes comments are about. `rangeOf` gives a link's node range in the current
 * version (links may have been computed on an earlier version of the same structure); undefined
 * skips the link.
 */
export function guidelineCommentFindings(
  links: readonly CommentLink[],
  mode: CommentDiagnosticsMode,
  locale: Locale,
  rangeOf: (link: CommentLink) => Range | undefined = (link) => link.node?.selectionRange,
  promiseFeed?: PromiseFeed,
): Finding[] {
  if (mode === 'off') return [];
  const findings: Finding[] = [];
  for (const link of links) {
    if (!link.node || link.node.kind === 'document') continue;
    const range = rangeOf(link);
    if (!range) continue;
    const { comment, round } = link;
    const related = [
      {
        uri: round.uri,
        range: comment.range,
        message: localize(locale, MESSAGES.commentHere, { number: comment.id ?? comment.number }),
      },
    ];
    const promise = resolvePromise(comment, promiseFeed?.(round.uri, comment.number));
    if (promise && isOpenPromise(promise)) {
      findings.push({
        code: 'comment-accepted',
        severity: 'information',
        range,
        message: localize(locale, MESSAGES.accepted, {
          number: comment.id ?? comment.number,
          round: roundLabel(round, locale),
          promise: promiseOf(comment.response),
          status: localize(locale, PROMISE_LABELS[promise.status]),
        }),
        related,
      });
    } else if (mode === 'all') {
      findings.push({
        code: `comment-${comment.disposition}`,
        severity: 'hint',
        range,
        message: localize(locale, MESSAGES.other, {
          number: comment.id ?? comment.number,
          round: roundLabel(round, locale),
          label: promise
            ? `${localize(locale, DISPOSITION_LABELS[comment.disposition])}・${localize(locale, PROMISE_LABELS[promise.status])}`
            : localize(locale, DISPOSITION_LABELS[comment.disposition]),
          opinion: shorten(comment.opinion, 80),
        }),
        related,
      });
    }
  }
  return findings;
}

/** A file name that tells two comment files apart: its folder and name (「comments/pubcomment-2015.txt」). */
function shortFileName(uri: string): string {
  const parts = uri.replace(/[?#].*$/, '').split('/');
  return decodeURIComponent(parts.slice(-2).join('/'));
}

/** On the first line of a round that is not counted because the same round is read from another file. */
function duplicateRoundFinding(dropped: CommentRound, kept: CommentRound, locale: Locale): Finding {
  const zero = { line: 0, character: 0 };
  return {
    code: 'comment-duplicate-round',
    severity: 'warning',
    range: { start: zero, end: zero },
    message: localize(locale, MESSAGES.duplicate, {
      dropped: shortFileName(dropped.uri),
      kept: shortFileName(kept.uri),
    }),
    related: [{ uri: kept.uri, range: { start: zero, end: zero }, message: shortFileName(kept.uri) }],
  };
}

export function commentFileFindings(
  round: CommentRound,
  links: readonly CommentLink[],
  locale: Locale,
  duplicateOf: CommentRound | null = null,
): Finding[] {
  const findings: Finding[] = round.problems.map((problem) => ({
    code: problem.code,
    severity: problem.severity,
    range: problem.range,
    message: problem.message[locale],
  }));
  if (duplicateOf) findings.push(duplicateRoundFinding(round, duplicateOf, locale));
  // A YAML store is where responses are drafted: an empty one is still to write, not an error.
  if (round.format === 'yaml')
    for (const comment of round.comments)
      if (!comment.response.trim())
        findings.push({
          code: 'comment-missing-response',
          severity: 'information',
          range: comment.fields?.response ?? comment.range,
          message: localize(locale, MESSAGES.draftResponse, { number: comment.number }),
        });
  const unattached = links.find((l) => l.unattached)?.unattached;
  if (unattached) {
    // One notice for the file, not a warning per comment: the round is about another document.
    const reason = localize(locale, UNATTACHED_MESSAGES[unattached.reason], { named: unattached.named ?? '' });
    findings.push({
      code: 'comment-unattached',
      severity: 'information',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: localize(locale, MESSAGES.unattached, { reason }),
    });
  }
  for (const link of links) {
    const location = link.comment.location;
    if (!location || !location.section || link.unattached) continue;
    const range = link.comment.fields?.location ?? link.comment.range;
    const missing = link.unresolved.join('');
    if (link.match === 'none') {
      findings.push({
        code: 'comment-unresolved',
        severity: 'warning',
        range,
        message: localize(locale, MESSAGES.unresolved, { raw: location.raw, missing }),
      });
    } else if (link.match !== 'exact' && link.node && link.document) {
      findings.push({
        code: 'comment-partial',
        severity: 'information',
        range,
        message: localize(locale, MESSAGES.partial, { raw: location.raw, missing, found: displayName(link.node) }),
        related: [
          {
            uri: link.document.uri,
            range: link.node.selectionRange,
            message: localize(locale, MESSAGES.target, { name: displayName(link.node) }),
          },
        ],
      });
    }
  }
  return findings;
}
