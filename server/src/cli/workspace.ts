/** Loads the guideline and comment files named on the command line (files or folders) into the core. */
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { LoadedProject } from '../host/project';
import type { TextEncoding } from '../core/text/encoding';
import type { Locale } from '../core/i18n/locale';

const ENCODING_NOTE: Record<Locale, string> = {
  ja: '{encoding} として読みました（ガイドラインは UTF-8 で保存することを勧めます）',
  en: 'read as {encoding} (guidelines are best saved as UTF-8)',
};
import { GuidelineModelCache, type GuidelineDocument } from '../core/model/document';
import { GuidelineIndex } from '../core/workspace/guideline-index';
import type { CommentRound } from '../core/comments/model';
import { readCommentDocument } from '../core/comments/read';
import { isToolExport } from '../core/comments/export-marker';
import { findFiles, isCommentCandidate, isMarkdownFile, readBytesFile, readTextFile } from '../host/files';

export class InputError extends Error {}

export interface LoadedWorkspace {
  readonly index: GuidelineIndex;
  /** Guidelines named on the command line, in the order given. */
  readonly documents: GuidelineDocument[];
  /** Comment documents found among the inputs (by content), in path order. */
  readonly rounds: CommentRound[];
  /** Guidelines that are not plain UTF-8 (read as what their bytes show): never rewritten by --fix. */
  readonly encodings: ReadonlyMap<string, TextEncoding>;
}

const isWorkspaceFile = (name: string): boolean => isMarkdownFile(name) || isCommentCandidate(name);

/** Expands files and folders into paths; a missing path is an input error. */
export async function expandPaths(
  inputs: readonly string[],
  accept: (name: string) => boolean = isWorkspaceFile,
): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const path = resolve(input);
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new InputError(`${input}: no such file or folder`);
    }
    if (info.isDirectory()) out.push(...(await findFiles(path, accept)));
    else out.push(path);
  }
  return [...new Set(out)];
}

export async function readRound(path: string): Promise<CommentRound | null> {
  const read = await readBytesFile(path);
  if ('error' in read) throw new InputError(`${path}: ${read.error}`);
  return readCommentDocument(path, read.bytes);
}

export async function loadWorkspace(
  paths: readonly string[],
  err: (line: string) => void = () => undefined,
  locale: Locale = 'ja',
): Promise<LoadedWorkspace> {
  const encodings = new Map<string, TextEncoding>();
  const cache = new GuidelineModelCache();
  const index = new GuidelineIndex();
  const documents: GuidelineDocument[] = [];
  const rounds: CommentRound[] = [];
  for (const path of paths) {
    if (isMarkdownFile(path)) {
      const read = await readTextFile(path);
      if ('error' in read) throw new InputError(`${path}: ${read.error}`);
      if (read.encoding !== 'utf-8') {
        encodings.set(path, read.encoding);
        err(`${path}: ${ENCODING_NOTE[locale].replace('{encoding}', read.encoding)}`);
      }
      for (const problem of read.problems)
        err(
          `${path}:${problem.range.start.line + 1}:${problem.range.start.character + 1} warning ${problem.code} ${problem.message[locale]}`,
        );
      // A comment table this tool exported is not a guideline.
      if (isToolExport(read.text)) continue;
      const document = cache.build(path, 0, read.text);
      index.set(document);
      documents.push(document);
    } else {
      const round = await readRound(path);
      if (round) rounds.push(round);
    }
  }
  return { index, documents, rounds, encodings };
}

/** Comment documents the project file names (comments.files), resolved beside it; missing ones are reported. */
export function configuredCommentFiles(project: LoadedProject, err: (line: string) => void): string[] {
  if (!project.configPath) return [];
  const base = dirname(project.configPath);
  const out: string[] = [];
  for (const file of project.config.comments.files) {
    const path = isAbsolute(file) ? file : resolve(base, file);
    if (existsSync(path)) out.push(path);
    else err(`${project.configPath}: comments.files: ${file}: no such file`);
  }
  return out;
}
