/** The versions guideline.config.json lists, read for the CLI (files, or git revisions), and their checks. */
import { dirname, isAbsolute, resolve } from 'node:path';
import { GIT_REVISION, type VersionConfig } from '../core/config/project-config';
import { localize, type Localized } from '../core/i18n/locale';
import type { CommentRound } from '../core/comments/model';
import { GuidelineModelCache, type GuidelineDocument } from '../core/model/document';
import { alignDocuments, type Alignment } from '../core/revisions/align';
import { verifyPromises, type PromiseCheck } from '../core/revisions/verify';
import { textSimilarity } from '../core/revisions/similarity';
import { gitShow, readVersion, type VersionText } from '../host/revisions/read-version';
import { readTextFile } from '../host/files';
import { isMarkdownFile } from '../host/files';
import type { CliContext } from './context';
import { expandPaths, InputError, inputError, loadWorkspace, readRound } from './workspace';

const MESSAGES = {
  noCurrent: {
    ja: '{folder}：版「{label}」と比べる現在のガイドライン（Markdown）がありません',
    en: '{folder}: no current guideline (Markdown) to compare "{label}" with',
  },
  roundError: { ja: '版「{label}」の意見の文書を読めません：{detail}', en: 'version "{label}": {detail}' },
  notComments: {
    ja: '版「{label}」の {file} は意見の文書として読めません',
    en: 'version "{label}": {file} is not a comment document',
  },
  gitRevision: { ja: '{spec}: git のリビジョンとして使えません', en: '{spec}: not a usable git revision' },
  gitFailed: { ja: '{spec}: git から読めません：{detail}', en: '{spec}: cannot read from git: {detail}' },
  noOld: {
    ja: '{spec}: ファイルがなく、guideline.config.json の versions にもこの label の版がありません',
    en: '{spec}: no such file, and no version with this label in guideline.config.json',
  },
} satisfies Record<string, Localized>;

/** A configured version by its label (exact, or NFKC-equal ignoring spaces). */
function findVersion(ctx: CliContext, label: string): VersionConfig | undefined {
  const key = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  return ctx.project.config.versions.find((v) => v.label === label || key(v.label) === key(label));
}

const configDir = (ctx: CliContext) => (ctx.project.configPath ? dirname(ctx.project.configPath) : ctx.cwd);
const fromConfig = (ctx: CliContext, path: string) => (isAbsolute(path) ? path : resolve(configDir(ctx), path));

/** The configured version files (absolute paths). */
function versionFiles(ctx: CliContext): Set<string> {
  return new Set(ctx.project.config.versions.filter((v) => v.file).map((v) => fromConfig(ctx, v.file!)));
}

/**
 * Paths found in folders minus the configured earlier versions: they are snapshots of the past, not
 * text to lint or to link comments to. A version file named on the command line is kept.
 */
export function withoutVersionFiles(paths: readonly string[], named: readonly string[], ctx: CliContext): string[] {
  const versions = versionFiles(ctx);
  const explicit = new Set(named.map((p) => resolve(p)));
  return paths.filter((p) => !versions.has(p) || explicit.has(p));
}

/** Reads a configured version; the CLI runs where the user asked it to, so git is allowed. */
async function readConfiguredVersion(
  ctx: CliContext,
  version: VersionConfig,
  currentGuideline: string | null,
): Promise<VersionText> {
  const read = await readVersion(version, { baseDir: configDir(ctx), currentGuideline, trusted: true });
  if (!read.ok) ctx.err(`guideline: ${localize(ctx.locale, read.message)}`);
  return read;
}

export interface VersionChecks {
  readonly version: VersionConfig;
  readonly current: GuidelineDocument;
  readonly alignment: Alignment;
  readonly rounds: readonly CommentRound[];
  readonly checks: readonly PromiseCheck[];
}

/**
 * The current guideline of a folder: its Markdown files other than the configured versions; of
 * several, the one whose title is closest to the version's.
 */
function currentGuideline(documents: readonly GuidelineDocument[], old: GuidelineDocument): GuidelineDocument | null {
  let best: GuidelineDocument | null = null;
  let score = -1;
  for (const d of documents) {
    const s = textSimilarity(d.title, old.title);
    if (s > score) [best, score] = [d, s];
  }
  return best;
}

/** Every configured version with comments: read, aligned with the current guideline, promises checked. */
export async function checkVersions(ctx: CliContext, folder: string): Promise<VersionChecks[]> {
  const versions = ctx.project.config.versions;
  if (versions.length === 0) return [];
  const files = versionFiles(ctx);
  const markdown = (await expandPaths([folder], isMarkdownFile)).filter(
    (p) => !files.has(p) && !/(^|[\\/])(README|CHANGELOG)\.md$/i.test(p),
  );
  const { documents } = await loadWorkspace(markdown, ctx.err, ctx.locale);
  const cache = new GuidelineModelCache();
  const out: VersionChecks[] = [];
  for (const version of versions) {
    // A git version reads the current guideline's path: take the first guideline for it.
    const read = await readConfiguredVersion(ctx, version, documents[0]?.uri ?? null);
    if (!read.ok) continue;
    const old = cache.build(read.uri, 0, read.text);
    // A git version is the current guideline's own file at a revision; a file version is compared
    // with the guideline whose title is closest to its own.
    const current = version.git ? (documents[0] ?? null) : currentGuideline(documents, old);
    if (!current) {
      ctx.err(`guideline: ${localize(ctx.locale, MESSAGES.noCurrent, { folder, label: version.label })}`);
      continue;
    }
    const alignment = alignDocuments(old, current);
    const rounds: CommentRound[] = [];
    for (const file of version.comments) {
      const round = await readRound(fromConfig(ctx, file)).catch((error: Error) => {
        ctx.err(
          `guideline: ${localize(ctx.locale, MESSAGES.roundError, { label: version.label, detail: error.message })}`,
        );
        return null;
      });
      if (round) rounds.push(round);
      else ctx.err(`guideline: ${localize(ctx.locale, MESSAGES.notComments, { label: version.label, file })}`);
    }
    const checks = rounds.flatMap((round) => verifyPromises(round, alignment, version.label));
    out.push({ version, current, alignment, rounds, checks });
  }
  return out;
}

/**
 * An older version named on the command line: a file, `git:REV` (the newer file at a git revision),
 * or the label of a version in guideline.config.json. Anything else is an input error naming it.
 */
export async function readOldVersion(
  spec: string,
  newPath: string,
  ctx: CliContext,
): Promise<{ text: string; label: string; uri: string }> {
  const git = /^git:(.+)$/.exec(spec);
  if (git) {
    if (!GIT_REVISION.test(git[1])) throw inputError(MESSAGES.gitRevision, { spec });
    const shown = await gitShow(newPath, git[1]);
    if (!shown.ok) throw inputError(MESSAGES.gitFailed, { spec, detail: shown.detail || shown.reason });
    return { text: shown.text, label: git[1], uri: `${newPath}@${git[1]}` };
  }
  const read = await readTextFile(resolve(spec));
  if (!('error' in read)) return { text: read.text, label: spec, uri: resolve(spec) };
  const version = findVersion(ctx, spec);
  if (!version) throw inputError(MESSAGES.noOld, { spec });
  const loaded = await readConfiguredVersion(ctx, version, newPath);
  if (!loaded.ok) throw new InputError(prefixed(spec, loaded.message));
  return { text: loaded.text, label: version.label, uri: loaded.uri };
}

/** `FILE: message` in both languages. */
export const prefixed = (prefix: string, message: Localized): Localized => ({
  ja: `${prefix}: ${message.ja}`,
  en: `${prefix}: ${message.en}`,
});
