/** The data of the 「新版で新設・変更（未反映）」 group of the 「例文との対応」 view. */
import { localize, type Locale, type Localized } from '../i18n/locale';
import type { Range } from '../text/position';
import type { DiffSpan } from '../revisions/char-diff';
import { clauseName } from './report';
import { verdictLabel } from './versions-report';
import type { VersionedCoverage } from './versions';

/** As the protocol's CoverageVersionsGroup (the core does not import the protocol). */
export interface VersionsViewGroup {
  readonly title: string;
  readonly oldLabel: string;
  readonly summary: { new: number; changed: number; unreflected: number; deletedRemaining: number };
  readonly items: VersionsViewItem[];
}

interface VersionsViewItem {
  readonly change: 'new' | 'changed' | 'deleted';
  readonly label: string;
  readonly section: string;
  readonly name: string;
  readonly text: string;
  readonly guidelineRange: Range | null;
  readonly policyLabel: string | null;
  readonly policyRange: Range | null;
  readonly diff: readonly DiffSpan[] | null;
}

const TEXT = {
  title: { ja: '{old}から新設・変更（未反映）', en: 'New or changed since {old} (not reflected)' },
  deleted: { ja: '削除（対策基準に残る）', en: 'deleted (still in the policy)' },
} satisfies Record<string, Localized>;

export function versionsViewGroup(versions: VersionedCoverage, oldLabel: string, locale: Locale): VersionsViewGroup {
  const items: VersionsViewItem[] = [];
  for (const c of versions.clauses) {
    if (c.reflected || c.change === 'unchanged') continue;
    const example = c.coverage.example;
    items.push({
      change: c.change,
      label: verdictLabel(c, locale),
      section: example.section,
      name: clauseName(example, locale),
      text: example.text,
      guidelineRange: example.range,
      policyLabel: c.policy?.label ?? null,
      policyRange: c.policy?.range ?? null,
      diff: c.diff ? [...c.diff] : null,
    });
  }
  for (const d of versions.deleted)
    items.push({
      change: 'deleted',
      label: localize(locale, TEXT.deleted),
      section: d.old.section,
      name: clauseName(d.old, locale),
      text: d.old.text,
      guidelineRange: null,
      policyLabel: d.policy.label,
      policyRange: d.policy.range,
      diff: null,
    });
  const { new: added, changed, unreflected, deletedRemaining } = versions.summary;
  return {
    title: localize(locale, TEXT.title, { old: oldLabel }),
    oldLabel,
    summary: { new: added, changed, unreflected, deletedRemaining },
    items,
  };
}
