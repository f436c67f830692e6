/**
 * Rule 13 of issue 17, `official-item-label-period`: item labels (第1, 1, (1), ア, (ア), a, (a)) take
 * no period: 「1．目的」「(1). 趣旨」「ア. 対象」 → 「1 目的」「(1) 趣旨」「ア 対象」 (「公用文作成の考え方」
 * (2022), 符号の使い方, 項目の示し方).
 *
 * Markdown matters here: 「1. 目的」 at the start of a line (a digit, a period and a space) is an
 * ordered list item in Markdown, whose number the renderer prints; it is left alone. 「1.目的」 without
 * the space and 「1．目的」 with a full-width period are the writer's own label and are caught; in a
 * heading, 「## 3. 対策基準」 is a section number and left alone, 「## ア. 対象」 is caught. Section numbers (3.6.2) have a digit after the period and are not labels.
 */
import type { SegmentContext, SegmentFinding, SegmentRule } from '../../types';
import { execAll } from '../../../text/regex';

const OFFICIAL_ITEM_LABEL_PERIOD = 'official-item-label-period';

const KATAKANA_LABEL = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';
const LABEL = String.raw`(?:第[0-9０-９]+|[0-9０-９]{1,3}|[（(][0-9０-９]{1,3}[）)]|[${KATAKANA_LABEL}]|[（(][${KATAKANA_LABEL}][）)]|[a-z]|[（(][a-z][）)])`;
/** A label at the start of a line (after indentation, a list bullet or heading marks), then a period. */
const LABEL_PERIOD = new RegExp(
  String.raw`^([ \t\u3000]*(?:(?:[-*+]|#{1,6})[ \t]+)?)(${LABEL})([.．])([ \t\u3000]*)(?=[^\s0-9０-９])`,
  'gm',
);

function findItemLabelPeriods(masked: string): SegmentFinding[] {
  const findings: SegmentFinding[] = [];
  for (const m of execAll(LABEL_PERIOD, masked)) {
    const [, lead, label, period, space] = m;
    const heading = /#/.test(lead);
    // 「1. 目的」 is a Markdown ordered list (its own numbering), and 「## 3. 対策基準」 a section
    // number (the heading parser reads 3. as section 3): neither is an item label.
    if (heading && /^[0-9０-９]{1,3}$/.test(label)) continue;
    if (/^[0-9]{1,3}$/.test(label) && period === '.' && space.length > 0) continue;
    // A lower-case letter label only before Japanese text (not an English sentence such as "a. m.").
    if (/^[a-z]$/.test(label) && /^[ -~\s]/.test(masked.slice((m.index ?? 0) + m[0].length))) continue;
    // A katakana label only before a space: 「ア.」 directly followed by text is rare, 「エ.ピローグ」 is not a label.
    if (/^[ア-ン]$/.test(label) && space.length === 0) continue;
    const start = (m.index ?? 0) + lead.length + label.length;
    const end = start + period.length + space.length;
    const replacement = space.length > 0 ? space : ' ';
    findings.push({
      code: OFFICIAL_ITEM_LABEL_PERIOD,
      start,
      end: start + period.length,
      message: {
        ja: '項目の番号「{label}」の後に「{period}」は付けません（「{label} 見出し」の形にします）。',
        en: 'An item label such as "{label}" takes no period after it ("{label} title").',
      },
      args: { label, period },
      fixes: [
        {
          title: { ja: '「{period}」を削除する', en: 'Remove "{period}"' },
          args: { period },
          replacement,
          start,
          end,
          safe: true,
        },
      ],
    });
  }
  return findings;
}

export const officialItemLabelPeriodRule: SegmentRule = {
  descriptor: {
    code: OFFICIAL_ITEM_LABEL_PERIOD,
    defaultSeverity: 'information',
    fixable: true,
    title: { ja: '項目の番号の後のピリオド', en: 'Period after an item label' },
    description: {
      ja: '「1．目的」「(1). 趣旨」「ア. 対象」→「1 目的」「(1) 趣旨」「ア 対象」。Markdown の番号付き箇条（行頭の「1. 」）と節番号（3.6.2）はそのままです。',
      en: '「1．目的」「(1). 趣旨」「ア. 対象」→「1 目的」「(1) 趣旨」「ア 対象」. Markdown ordered lists ("1. " at a line start) and section numbers (3.6.2) are left alone.',
    },
  },
  check: (context: SegmentContext) => findItemLabelPeriods(context.masked),
};
