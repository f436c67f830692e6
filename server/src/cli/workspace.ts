/** Loads the guideline files named on the command line (files or folders) into the core's index. */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { GuidelineModelCache, type GuidelineDocument } from '../core/model/document';
import { GuidelineIndex } from '../core/workspace/guideline-index';
import { findFiles, isMarkdownFile, readTextFile } from '../host/files';

export class InputError extends Error {}

export interface LoadedWorkspace {
  readonly index: GuidelineIndex;
  /** Guidelines named on the command line, in the order given. */
  readonly documents: GuidelineDocument[];
}

/** Expands files and folders into Markdown paths; a missing path is an input error. */
export async function expandPaths(inputs: readonly string[], accept: (name: string) => boolean = isMarkdownFile): Promise<string[]> {
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

export async function loadGuidelines(paths: readonly string[]): Promise<LoadedWorkspace> {
  const cache = new GuidelineModelCache();
  const index = new GuidelineIndex();
  const documents: GuidelineDocument[] = [];
  for (const path of paths) {
    const read = await readTextFile(path);
    if ('error' in read) throw new InputError(`${path}: ${read.error}`);
    const document = cache.build(path, 0, read.text);
    index.set(document);
    documents.push(document);
  }
  return { index, documents };
}
