/** `guideline comments verify [DIR]`: were the fixes promised in earlier comment rounds made? */
import { relative, resolve } from 'node:path';
import { parseArgs } from '../args';
import type { CliContext } from '../context';
import { localize } from '../../core/i18n/locale';
import { checkVersions } from '../versions';
import { roundShortLabel } from '../../core/revisions/verify';

const VERIFY_HELP = `Usage: guideline comments verify [DIR] [--json]

For every comment whose response promised a change (修正いたします, 追記いたします, 改めます …) in a
round made on an earlier version ("versions" in guideline.config.json), compares the place it was
about in that version with the aligned place now:
  applied          the place changed (and a quoted change 「A」を「B」に is there)
  not-applied      unchanged since the draft, or the quoted words are still / not there
  target-deleted   the place was deleted
  unknown          a general comment, or a place the version does not have
Options:
  --json   {"comments":[{"round":…,"id":"6","disposition":"accepted","status":…,"evidence":…,
           "target":{"path":…,"range":<LSP range>,"section":"3.9.3"}|null,"previous":{…}|null}]}
Exit 1 when a promised change is not applied.`;

const COMMENT = { ja: '意見{number}（{round}）', en: 'comment {number} ({round})' };

export async function runCommentsVerify(argv: readonly string[], ctx: CliContext): Promise<number> {
  const args = parseArgs(argv, { flags: ['json', 'help'] }, ctx.locale);
  if (args.flags.has('help')) {
    ctx.out(VERIFY_HELP);
    return 0;
  }
  const folder = resolve(args.positionals[0] ?? '.');
  if (ctx.project.config.versions.length === 0) {
    ctx.err(
      ctx.locale === 'ja'
        ? 'guideline comments verify: guideline.config.json に「versions」（以前の版と、その版への意見）がありません（docs/revisions.md）。'
        : 'guideline comments verify: guideline.config.json has no "versions" (earlier versions and their comments; see docs/revisions.md).',
    );
    return 2;
  }
  const results = await checkVersions(ctx, folder);
  const show = (p: string) => relative(ctx.cwd, p) || p;
  const checks = results.flatMap((r) => r.checks.map((check) => ({ check, current: r.current })));
  if (args.flags.has('json')) {
    ctx.out(
      JSON.stringify(
        {
          comments: checks.map(({ check, current }) => ({
            round: show(check.round.uri),
            id: String(check.comment.number),
            disposition: check.comment.disposition,
            status: check.status,
            evidence: localize(ctx.locale, check.evidence),
            target: check.newNode
              ? { path: show(current.uri), range: check.newNode.node.range, section: check.newNode.section }
              : null,
            previous: check.oldNode ? { section: check.oldNode.section, path: check.oldNode.path } : null,
          })),
        },
        null,
        2,
      ),
    );
  } else {
    for (const { check, current } of checks) {
      const where = check.newNode ? `${show(current.uri)}:${check.newNode.node.range.start.line + 1}` : '—';
      ctx.out(
        `${check.status.padEnd(14)} ${localize(ctx.locale, COMMENT, { number: check.comment.number, round: localize(ctx.locale, roundShortLabel(check.round)) })} ${where}  ${localize(ctx.locale, check.evidence)}`,
      );
    }
  }
  return checks.some(({ check }) => check.status === 'not-applied') ? 1 : 0;
}
