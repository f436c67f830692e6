/** The 「約束した修正の反映状況」 part of `guideline report`: promised fixes per configured version. */
import { relative } from 'node:path';
import { localize, type Localized } from '../../core/i18n/locale';
import type { PromiseStatus } from '../../core/revisions/verify';
import type { CliContext } from '../context';
import type { VersionChecks } from '../versions';

const TEXT = {
  heading: { ja: '約束した修正の反映状況（{label} → {current}）', en: 'Promised fixes ({label} → {current})' },
  summary: {
    ja: '   {total} 件：反映済み {applied}、未反映 {notApplied}、箇所が削除 {deleted}、確認できない {unknown}',
    en: '   {total}: {applied} applied, {notApplied} not yet, {deleted} place deleted, {unknown} unknown',
  },
} as const;

const STATUS_LABEL: Record<PromiseStatus, Localized> = {
  applied: { ja: '反映済み', en: 'applied' },
  'not-applied': { ja: '未反映', en: 'not applied' },
  'target-deleted': { ja: '削除', en: 'deleted' },
  unknown: { ja: '不明', en: 'unknown' },
};

export function printPromiseSummary(ctx: CliContext, versions: readonly VersionChecks[]): void {
  const show = (p: string) => relative(ctx.cwd, p) || p;
  for (const { version, current, checks } of versions) {
    if (checks.length === 0) continue;
    ctx.out(`== ${localize(ctx.locale, TEXT.heading, { label: version.label, current: show(current.uri) })}`);
    const count = (s: PromiseStatus) => checks.filter((c) => c.status === s).length;
    ctx.out(
      localize(ctx.locale, TEXT.summary, {
        total: checks.length,
        applied: count('applied'),
        notApplied: count('not-applied'),
        deleted: count('target-deleted'),
        unknown: count('unknown'),
      }),
    );
    for (const check of checks)
      ctx.out(
        `   #${String(check.comment.number).padEnd(3)} [${localize(ctx.locale, STATUS_LABEL[check.status])}] ${localize(ctx.locale, check.evidence)}`,
      );
    ctx.out('');
  }
}
