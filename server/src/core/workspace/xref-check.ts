/**
 * Cross-reference findings: xref-unknown-section (no such section anywhere in the workspace) and
 * xref-title-mismatch (the cited title is not the section's title), with fixes to either side.
 */
import type { Finding, Fix } from '../findings';
import { localize, type Locale } from '../i18n/locale';
import { titleKey } from '../text/width';
import type { GuidelineIndex } from './guideline-index';
import type { GuidelineDocument } from '../model/document';
import { documentReferences } from '../model/references';

const MESSAGES = {
  unknown: { ja: '参照先の項番「{number}」はありません。', en: 'Section {number} does not exist.' },
  mismatch: {
    ja: '「{number}」の見出しは「{actual}」です（引用された見出しは「{cited}」）。',
    en: 'Section {number} is titled "{actual}" (the reference says "{cited}").',
  },
  mismatchElsewhere: { ja: '「{cited}」は {other} の見出しです。', en: '"{cited}" is the title of {other}.' },
  fixNumber: { ja: '項番を {other} に直す', en: 'Change the number to {other}' },
  fixTitle: { ja: '見出しを「{actual}」に直す', en: 'Change the title to "{actual}"' },
  target: { ja: '参照先：{number} {title}', en: 'Target: {number} {title}' },
} as const;

export function xrefFindings(document: GuidelineDocument, index: GuidelineIndex, locale: Locale): Finding[] {
  const findings: Finding[] = [];
  const range = (s: number, e: number) => document.lines.rangeOf(s, e);
  for (const ref of documentReferences(document)) {
    const number = ref.path.section!;
    const hits = index.sectionsNumbered(number, document.uri);
    if (hits.length === 0) {
      findings.push({
        code: 'xref-unknown-section',
        severity: 'warning',
        range: range(ref.numberStart, ref.numberEnd),
        // As written: 「3-3-1」 in a dash-numbered document.
        message: localize(locale, MESSAGES.unknown, { number: document.text.slice(ref.numberStart, ref.numberEnd) }),
      });
      continue;
    }
    if (!ref.title) continue;
    const target = hits[0].node;
    if (titleKey(ref.title) === titleKey(target.title)) continue;
    const titled = index.sectionsTitled(ref.title).filter((h) => h.node.number !== number);
    const fixes: Fix[] = [];
    for (const other of titled.slice(0, 1)) {
      fixes.push({
        title: localize(locale, MESSAGES.fixNumber, { other: other.node.number ?? '' }),
        edits: [{ range: range(ref.numberStart, ref.numberEnd), newText: other.node.number ?? '' }],
        safe: false,
        preferred: true,
      });
    }
    fixes.push({
      title: localize(locale, MESSAGES.fixTitle, { actual: target.title }),
      edits: [{ range: range(ref.titleStart, ref.titleEnd), newText: target.title }],
      safe: false,
    });
    let message = localize(locale, MESSAGES.mismatch, { number, actual: target.title, cited: ref.title });
    if (titled.length > 0)
      message += localize(locale, MESSAGES.mismatchElsewhere, { cited: ref.title, other: titled[0].node.number ?? '' });
    findings.push({
      code: 'xref-title-mismatch',
      severity: 'warning',
      range: range(ref.numberStart, ref.titleEnd),
      message,
      related: [
        {
          uri: hits[0].document.uri,
          range: target.selectionRange,
          message: localize(locale, MESSAGES.target, { number, title: target.title }),
        },
        ...titled.slice(0, 3).map((h) => ({
          uri: h.document.uri,
          range: h.node.selectionRange,
          message: localize(locale, MESSAGES.target, { number: h.node.number ?? '', title: h.node.title }),
        })),
      ],
      fixes,
    });
  }
  return findings;
}
