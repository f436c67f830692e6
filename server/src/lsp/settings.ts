/**
 * Settings: the editor's `guideline.*` settings (workspace/configuration) layered over the project
 * file. Anything malformed in the editor settings is ignored, never fatal.
 */
import { isRuleSetting, type RuleSetting } from '../core/config/rule-settings';
import type { ProjectConfig } from '../core/config/project-config';
import type { CommentDiagnosticsMode } from '../core/workspace/comment-findings';
import type { OfficialSettings } from '../core/checks/types';

export interface ServerSettings {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly commentDiagnostics: CommentDiagnosticsMode;
  /** Comment documents named explicitly (relative to a workspace folder, or absolute). */
  readonly commentFiles: readonly string[];
  /** prh dictionaries named in the editor settings (the project file names its own). */
  readonly dictionaries: readonly string[];
  readonly preferredKatakana: Readonly<Record<string, string>>;
  readonly official: Partial<OfficialSettings>;
  /** The configured version a policy's coverage compares with (`guideline.coverage.since`); null: the latest. */
  readonly coverageSince: string | null;
}

export interface EditorSettings {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly commentDiagnostics?: CommentDiagnosticsMode;
  readonly commentFiles: readonly string[];
  readonly dictionaries: readonly string[];
  readonly preferredKatakana: Readonly<Record<string, string>>;
  readonly official?: Partial<OfficialSettings>;
  readonly coverageSince?: string;
}

export const EMPTY_EDITOR_SETTINGS: EditorSettings = {
  rules: {},
  commentFiles: [],
  dictionaries: [],
  preferredKatakana: {},
};

const asObject = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function parseEditorSettings(raw: unknown): EditorSettings {
  const root = asObject(raw);
  const rules: Record<string, RuleSetting> = {};
  for (const [code, value] of Object.entries(asObject(root.rules))) if (isRuleSetting(value)) rules[code] = value;
  const comments = asObject(root.comments);
  const mode = comments.diagnostics;
  const preferredKatakana: Record<string, string> = {};
  for (const [word, preferred] of Object.entries(asObject(asObject(root.katakana).preferred)))
    if (typeof preferred === 'string') preferredKatakana[word] = preferred;
  return {
    rules,
    ...(mode === 'off' || mode === 'accepted' || mode === 'all' ? { commentDiagnostics: mode } : {}),
    commentFiles: asStrings(comments.files),
    dictionaries: asStrings(root.dictionaries),
    preferredKatakana,
    ...officialOf(asObject(root.official)),
    ...sinceOf(asObject(root.coverage)),
  };
}

function sinceOf(raw: Record<string, unknown>): { coverageSince?: string } {
  return typeof raw.since === 'string' && raw.since.trim() !== '' ? { coverageSince: raw.since.trim() } : {};
}

function officialOf(raw: Record<string, unknown>): { official?: Partial<OfficialSettings> } {
  const official: { profile?: OfficialSettings['profile']; comma?: OfficialSettings['comma'] } = {};
  if (raw.profile === 'notice' || raw.profile === 'explanatory') official.profile = raw.profile;
  if (raw.comma === '、' || raw.comma === '，') official.comma = raw.comma;
  return Object.keys(official).length > 0 ? { official } : {};
}

/** Editor settings win over the project file, key by key. */
export function effectiveSettings(project: ProjectConfig, editor: EditorSettings): ServerSettings {
  return {
    rules: { ...project.rules, ...editor.rules },
    commentDiagnostics: editor.commentDiagnostics ?? project.comments.diagnostics ?? 'accepted',
    commentFiles: [...project.comments.files, ...editor.commentFiles],
    dictionaries: editor.dictionaries,
    preferredKatakana: { ...project.preferredKatakana, ...editor.preferredKatakana },
    official: { ...project.official, ...editor.official },
    coverageSince: editor.coverageSince ?? null,
  };
}
