/** Loads the guideline and comment files named on the command line (files or folders) into the core. */
import { dirname, isAbsolute, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { LoadedProject } from '../host/project';
import type { TextEncoding } from '../core/text/encoding';
import { filled, localize, type Locale, type Localized } from '../core/i18n/locale';
import { CLI_MESSAGES } from './messages';
import { brokenFileNotice, isCommentResultBinaryName, unreadableCommentNotice } from '../core/comments/unreadable';
import { decodeBytes } from '../core/text/encoding';
import { GuidelineModelCache, type GuidelineDocument } from '../core/model/document';
import { GuidelineIndex } from '../core/workspace/guideline-index';
import type { CommentRound } from '../core/comments/model';
import { isMarkedExport, readCommentFile } from '../host/comments/read-comment-file';
import { OfficeReadError } from '../host/comments/office-grids';
import { PdfReadError } from '../host/pdf/read-pdf-text';
import { markdownRole } from '../core/comments/markdown-role';
import { readCommentDocument } from '../core/comments/read';
import {
  ENCODING_NOTE,
  findFiles,
  isCommentCandidate,
  isMarkdownFile,
  readBytesFile,
  readTextFile,
  stat,
} from '../host/files';

/** Bad input (exit code 2), with its message in both languages. */
export class InputError extends Error {
  constructor(readonly localized: Localized) {
    super(localized.en);
  }
}

export function inputError(message: Localized, args: Record<string, string | number> = {}): InputError {
  return new InputError(filled(message, args));
}

/** A file that looks like a comment result but could not be read, and why. */
interface UnreadableComments {
  readonly path: string;
  readonly reason: Localized;
}

export interface LoadedWorkspace {
  readonly index: GuidelineIndex;
  /** Guidelines named on the command line, in the order given. */
  readonly documents: GuidelineDocument[];
  /** Comment documents found among the inputs (by content), in path order. */
  readonly rounds: CommentRound[];
  /** Guidelines that are not plain UTF-8 (read as what their bytes show): never rewritten by --fix. */
  readonly encodings: ReadonlyMap<string, TextEncoding>;
  /** Files that look like comment results but could not be read (reported as warnings). */
  readonly unreadable: readonly UnreadableComments[];
}

const isWorkspaceFile = (name: string): boolean =>
  isMarkdownFile(name) || isCommentCandidate(name) || isCommentResultBinaryName(name);

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
      throw inputError(CLI_MESSAGES.noSuchInput, { input });
    }
    if (info.isDirectory()) out.push(...(await findFiles(path, accept)));
    else out.push(path);
  }
  return [...new Set(out)];
}

export function unreadableInput(path: string, reason: Localized): InputError {
  return new InputError({
    ja: localize('ja', CLI_MESSAGES.unreadable, { path, reason: reason.ja }),
    en: localize('en', CLI_MESSAGES.unreadable, { path, reason: reason.en }),
  });
}

/**
 * The comment round of a file or null. `strict` keeps a PDF/xlsx/docx without a comment table (its
 * problem names the header cells seen). A file that is not a readable PDF/xlsx/docx is an input error.
 */
export async function readRound(path: string, strict = false): Promise<CommentRound | null> {
  const { round, notice, broken } = await readRoundOrNotice(path, strict);
  if (broken && notice) throw unreadableInput(path, notice);
  return round;
}

/** The comment round of a file, or, when it is none, why it still looks like one (or null). */
async function readRoundOrNotice(
  path: string,
  strict = false,
): Promise<{ round: CommentRound | null; notice: Localized | null; broken?: true }> {
  // Excel 97–2003 and Word 97–2003 files are not read; one named like a result is still reported.
  if (isCommentResultBinaryName(path) && !isCommentCandidate(path))
    return { round: null, notice: unreadableCommentNotice(path, null) };
  const read = await readBytesFile(path);
  if ('error' in read) throw unreadableInput(path, read.error);
  let round: CommentRound | null;
  try {
    round = await readCommentFile(path, path, read.bytes, strict);
  } catch (error) {
    if (error instanceof PdfReadError || error instanceof OfficeReadError)
      return { round: null, notice: brokenFileNotice(path, error.message), broken: true };
    throw error;
  }
  if (round) return { round, notice: null };
  // A table this tool exported is not a round, and not a problem either.
  if (isMarkedExport(path, read.bytes)) return { round: null, notice: null };
  const head = isCommentResultBinaryName(path) ? null : decodeBytes(read.bytes.subarray(0, 4096)).text;
  return { round: null, notice: unreadableCommentNotice(path, head) };
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
  const unreadable: UnreadableComments[] = [];
  for (const path of paths) {
    if (isMarkdownFile(path)) {
      const read = await readTextFile(path);
      if ('error' in read) throw unreadableInput(path, read.error);
      if (read.encoding !== 'utf-8') {
        encodings.set(path, read.encoding);
        err(localize(locale, ENCODING_NOTE, { path, encoding: read.encoding }));
      }
      for (const problem of read.problems)
        err(
          `${path}:${problem.range.start.line + 1}:${problem.range.start.character + 1} warning ${problem.code} ${problem.message[locale]}`,
        );
      // A comment table this tool exported is neither a guideline nor a round; a Markdown comment
      // table is a round (core/comments/markdown-role.ts).
      const role = markdownRole(read.text);
      if (role === 'export') continue;
      if (role === 'comments') {
        const round = readCommentDocument(path, read.text);
        if (round) rounds.push(round);
        continue;
      }
      const document = cache.build(path, 0, read.text);
      index.set(document);
      documents.push(document);
    } else {
      // A broken PDF/xlsx/docx among the inputs is reported like any unreadable result, not fatal.
      const { round, notice } = await readRoundOrNotice(path);
      if (round) rounds.push(round);
      else if (notice) unreadable.push({ path, reason: notice });
    }
  }
  return { index, documents, rounds, encodings, unreadable };
}

/** Comment documents the project file names (comments.files), resolved beside it; missing ones are reported. */
export function configuredCommentFiles(
  project: LoadedProject,
  err: (line: string) => void,
  locale: Locale = 'ja',
): string[] {
  if (!project.configPath) return [];
  const base = dirname(project.configPath);
  const out: string[] = [];
  for (const file of project.config.comments.files) {
    const path = isAbsolute(file) ? file : resolve(base, file);
    if (existsSync(path)) out.push(path);
    else err(localize(locale, CLI_MESSAGES.configuredMissing, { config: project.configPath, file }));
  }
  return out;
}
