/** The versions guideline.config.json lists, read for the CLI (files, or git revisions). */
import { dirname } from 'node:path';
import type { VersionConfig } from '../core/config/project-config';
import { localize } from '../core/i18n/locale';
import { readVersion, type VersionText } from '../host/revisions/read-version';
import type { CliContext } from './context';

/** A configured version by its label (exact, or NFKC-equal ignoring spaces). */
export function findVersion(ctx: CliContext, label: string): VersionConfig | undefined {
  const key = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  return ctx.project.config.versions.find((v) => v.label === label || key(v.label) === key(label));
}

/** Reads a configured version; the CLI runs where the user asked it to, so git is allowed. */
export async function readConfiguredVersion(
  ctx: CliContext,
  version: VersionConfig,
  currentGuideline: string | null,
): Promise<VersionText> {
  const baseDir = ctx.project.configPath ? dirname(ctx.project.configPath) : ctx.cwd;
  const read = await readVersion(version, { baseDir, currentGuideline, trusted: true });
  if (!read.ok) ctx.err(`guideline: ${localize(ctx.locale, read.message)}`);
  return read;
}
