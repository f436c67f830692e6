/**
 * Quick fixes for a diagnostic, "fix all of this kind in this file", "fix all of this word" for
 * katakana variants, and `source.fixAll.guideline` (every safe fix of the file).
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver/node';
import type { CheckFinding } from '../../core/checks/document';
import { safeFixEdits, safeFixes } from '../../core/checks/fixes';
import { RULE_DESCRIPTORS } from '../../core/checks/config';
import { localize, type Locale } from '../../core/i18n/locale';
import { DIAGNOSTIC_SOURCE } from '../convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.guideline`;

const MESSAGES = {
  fixAllOfKind: {
    ja: 'このファイルの「{rule}」をすべて修正（{count}件）',
    en: 'Fix all "{rule}" problems in this file ({count})',
  },
  fixAllOfWord: {
    ja: '「{variant}」をすべて「{preferred}」に修正（{count}件）',
    en: 'Change every "{variant}" to "{preferred}" ({count})',
  },
  fixAll: {
    ja: '表記の問題をすべて修正（{count}件・{kinds}種類：{detail}）',
    en: 'Fix all notation problems ({count} {fixes} of {kinds} {kindsWord}: {detail})',
  },
  kindCount: { ja: '{rule} {count}件', en: '{rule} {count}' },
} as const;

/** A rule's name in the user's language (「長音の誤り」), never its code inside a Japanese label. */
function ruleTitle(code: string, locale: Locale): string {
  const descriptor = RULE_DESCRIPTORS.find((d) => d.code === code);
  if (descriptor) return localize(locale, descriptor.title);
  const other = OTHER_TITLES[code];
  return other ? localize(locale, other) : code;
}

/** Fixable findings that are not notation rules (the document model's). */
const OTHER_TITLES: Readonly<Record<string, { ja: string; en: string }>> = {
  'numbering-width': { ja: '番号の全角・半角', en: 'Numbering width' },
};

function sameRange(a: Diagnostic['range'], b: CheckFinding['range']): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function codeOf(diagnostic: Diagnostic): string | undefined {
  return typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
}

function action(
  title: string,
  kind: string,
  uri: string,
  edits: TextEdit[],
  diagnostics?: Diagnostic[],
  preferred?: boolean,
): CodeAction {
  return {
    title,
    kind,
    edit: { changes: { [uri]: edits } },
    ...(diagnostics ? { diagnostics } : {}),
    ...(preferred ? { isPreferred: true } : {}),
  };
}

function variantOf(finding: CheckFinding): { variant: string; preferred: string } | undefined {
  const data = finding.data as { variant?: unknown; preferred?: unknown } | undefined;
  return typeof data?.variant === 'string' && typeof data.preferred === 'string'
    ? { variant: data.variant, preferred: data.preferred }
    : undefined;
}

export function codeActions(
  params: CodeActionParams,
  text: string,
  findings: readonly CheckFinding[],
  locale: Locale,
): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const offeredKinds = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const code = codeOf(diagnostic);
      const finding = findings.find((f) => f.code === code && sameRange(diagnostic.range, f.range));
      if (!finding?.fixes) continue;
      for (const fix of finding.fixes)
        actions.push(action(fix.title, CodeActionKind.QuickFix, uri, [...fix.edits], [diagnostic], fix.preferred));

      const variant = variantOf(finding);
      if (variant) {
        const same = findings.filter((f) => variantOf(f)?.variant === variant.variant);
        if (same.length > 1) {
          actions.push(
            action(
              localize(locale, MESSAGES.fixAllOfWord, { ...variant, count: same.length }),
              CodeActionKind.QuickFix,
              uri,
              safeFixEdits(text, same),
            ),
          );
        }
      }
      if (code && !offeredKinds.has(code)) {
        offeredKinds.add(code);
        const ofKind = findings.filter((f) => f.code === code);
        const edits = safeFixEdits(text, ofKind);
        if (ofKind.length > 1 && edits.length > 0) {
          actions.push(
            action(
              localize(locale, MESSAGES.fixAllOfKind, { rule: ruleTitle(code, locale), count: edits.length }),
              CodeActionKind.QuickFix,
              uri,
              edits,
            ),
          );
        }
      }
    }
  }

  if (only && wants(FIX_ALL_KIND)) {
    const { edits, fixed } = safeFixes(text, findings);
    if (edits.length > 0) {
      const byCode = new Map<string, number>();
      for (const f of fixed) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
      const detail = [...byCode.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([code, count]) => localize(locale, MESSAGES.kindCount, { rule: ruleTitle(code, locale), count }))
        .join(locale === 'ja' ? '、' : ', ');
      const title = localize(locale, MESSAGES.fixAll, {
        count: fixed.length,
        fixes: fixed.length === 1 ? 'fix' : 'fixes',
        kinds: byCode.size,
        kindsWord: byCode.size === 1 ? 'kind' : 'kinds',
        detail,
      });
      actions.push(action(title, FIX_ALL_KIND, uri, edits));
    }
  }
  return actions;
}
