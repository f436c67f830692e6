/** `guideline links <folder…>`: which guideline node every comment resolves to. */
import { CLI_MESSAGES } from '../messages';
import { relative } from 'node:path';
import { parseArgs } from '../args';
import { expandPaths, inputError, loadWorkspace } from '../workspace';
import { linkOptions, withConfigured } from '../context';
import type { CliContext } from '../context';
import { CommentLinks, type CommentLink } from '../../core/workspace/comment-links';
import { containerOf } from '../../core/model/document';
import { displayName } from '../../core/model/node';
import { localize } from '../../core/i18n/locale';
import { UNATTACHED_MESSAGES } from '../../core/workspace/round-target';

const LINKS_HELP = `Usage: guideline links <folders or files…> [--json]

Links every public comment found among the inputs to the most specific place of the guidelines.
Options:
  --json   {"links":[{"comment":{"file":…,"number":1},"target":{"path":…,"range":<LSP range>,
           "section":"3.8.1","match":"exact"} | null, "reason"?: …, "reasonText"?: …}…]}
match: exact, item / part / section (fell back to what exists), document (general comment).
A comment document about no guideline here has target null and a reason: names-other-document
(its title names another document), several-guidelines (its title names none of them), no-guideline.`;

function sectionOf(link: CommentLink): string | null {
  return link.document && link.node ? (containerOf(link.document, link.node)?.number ?? null) : null;
}

export async function runLinks(argv: readonly string[], ctx: CliContext): Promise<number> {
  const args = parseArgs(argv, { flags: ['json', 'help'] }, ctx.locale);
  if (args.flags.has('help')) {
    ctx.out(LINKS_HELP);
    return 0;
  }
  if (args.positionals.length === 0) throw inputError(CLI_MESSAGES.needsInputs, { command: 'links' });
  const { index, rounds, unreadable } = await loadWorkspace(
    withConfigured(await expandPaths(args.positionals), ctx),
    ctx.err,
    ctx.locale,
  );
  const links = new CommentLinks(rounds, index, linkOptions(ctx)).links;
  for (const { path: file, reason } of unreadable)
    ctx.err(
      localize(ctx.locale, CLI_MESSAGES.unreadableComments, {
        path: relative(ctx.cwd, file) || file,
        reason: reason[ctx.locale],
      }),
    );
  const path = (p: string) => relative(ctx.cwd, p) || p;
  if (args.flags.has('json')) {
    ctx.out(
      JSON.stringify(
        {
          links: links.map((link) => ({
            comment: { file: path(link.round.uri), number: link.comment.number },
            target:
              link.node && link.document
                ? { path: path(link.document.uri), range: link.node.range, section: sectionOf(link), match: link.match }
                : null,
            ...(link.unattached
              ? {
                  reason: link.unattached.reason,
                  reasonText: localize(ctx.locale, UNATTACHED_MESSAGES[link.unattached.reason], {
                    named: link.unattached.named ?? '',
                  }),
                }
              : {}),
          })),
        },
        null,
        2,
      ),
    );
  } else {
    for (const link of links) {
      const target =
        link.node && link.document
          ? `${path(link.document.uri)}:${link.node.range.start.line + 1} ${link.node.kind === 'document' ? '(全般)' : displayName(link.node)} [${link.match}]`
          : link.unattached
            ? `— [${link.unattached.reason}] ${localize(ctx.locale, UNATTACHED_MESSAGES[link.unattached.reason], { named: link.unattached.named ?? '' })}`
            : '— [none]';
      ctx.out(`${path(link.round.uri)} #${link.comment.number} ${link.comment.location?.raw ?? '—'} → ${target}`);
    }
  }
  return 0;
}
