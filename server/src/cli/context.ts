import { resolve } from 'node:path';
import type { Locale } from '../core/i18n/locale';
import type { RuleSettings } from '../core/config/rule-settings';
import type { CommentDiagnosticsMode } from '../core/workspace/comment-findings';
import type { CheckConfig } from '../core/checks/types';
import type { LoadedProject } from '../host/project';
import { configuredCommentFiles } from './workspace';
import type { LinkOptions } from '../core/workspace/comment-links';

/** What every command receives: output streams, locale, and the settings of the project file. */
export interface CliContext {
  readonly cwd: string;
  readonly locale: Locale;
  readonly rules: RuleSettings;
  readonly commentDiagnostics: CommentDiagnosticsMode;
  readonly checks: CheckConfig;
  readonly project: LoadedProject;
  out(line: string): void;
  err(line: string): void;
}

/** The inputs plus the comment documents the project file names, each once. */
export function withConfigured(paths: readonly string[], ctx: CliContext): string[] {
  return [...new Set([...paths, ...configuredCommentFiles(ctx.project, ctx.err, ctx.locale)])];
}

/** Rounds the project file lists are about its guideline (core/workspace/round-target.ts). */
export function linkOptions(ctx: CliContext): LinkOptions {
  const declared = new Set(configuredCommentFiles(ctx.project, () => undefined).map((p) => resolve(p)));
  return { declared: (uri) => declared.has(resolve(uri)) };
}
