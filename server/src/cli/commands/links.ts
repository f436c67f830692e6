/** `guideline links <folder…>`: which guideline node every comment resolves to. */
import { relative } from 'node:path';
import { parseArgs } from '../args';
import { expandPaths, InputError, loadWorkspace } from '../workspace';
import { withConfigured } from '../context';
import type { CliContext } from '../context';
import { CommentLinks, type CommentLink } from '../../core/workspace/comment-links';
import { containerOf } from '../../core/model/document';
import { displayName } from '../../core/model/node';

export const LINKS_HELP = `Usage: guideline links <folders or files…> [--json]

Links every public comment found among the inputs to the most specific place of the guidelines.
Options:
  --json   {"links":[{"comment":{"file":…,"number":1},"target":{"path":…,"range":<LSP range>,
           "section":"3.8.1","match":"exact"} | null}…]}
match: exact, item / part / section (fell back to what exists), document (general comment).`;

function sectionOf(link: CommentLink): string | null {
  return link.document && link.node ? (containerOf(link.document, link.node)?.number ?? null) : null;
}

export async function runLinks(argv: readonly string[], ctx: CliContext): Promise<number> {
  const args = parseArgs(argv, { flags: ['json', 'help'] }, ctx.locale);
  if (args.flags.has('help')) {
    ctx.out(LINKS_HELP);
    return 0;
  }
  if (args.positionals.length === 0) throw new InputError('links needs a folder or files (see guideline links --help)');
  const { index, rounds } = await loadWorkspace(
    withConfigured(await expandPaths(args.positionals), ctx),
    ctx.err,
    ctx.locale,
  );
  const links = new CommentLinks(rounds, index).links;
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
          : '— [none]';
      ctx.out(`${path(link.round.uri)} #${link.comment.number} ${link.comment.location?.raw ?? '—'} → ${target}`);
    }
  }
  return 0;
}
