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
import { safeFixEdits } from '../../core/checks/fixes';
import { localize, type Locale } from '../../core/i18n/locale';
import { DIAGNOSTIC_SOURCE } from '../convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.guideline`;

const MESSAGES = {
  fixAllOfKind: {
    ja: 'このファイルの {code} をすべて修正（{count}件）',
    en: 'Fix all {code} problems in this file ({count})',
  },
  fixAllOfWord: {
    ja: '「{variant}」をすべて「{preferred}」に修正（{count}件）',
    en: 'Change every "{variant}" to "{preferred}" ({count})',
  },
  fixAll: { ja: '表記の問題をすべて修正（{count}件）', en: 'Fix all notation problems ({count})' },
} as const;

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
              localize(locale, MESSAGES.fixAllOfKind, { code, count: edits.length }),
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
    const edits = safeFixEdits(text, findings);
    if (edits.length > 0)
      actions.push(action(localize(locale, MESSAGES.fixAll, { count: edits.length }), FIX_ALL_KIND, uri, edits));
  }
  return actions;
}
