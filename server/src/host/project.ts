/**
 * Loads what a workspace folder configures, for the CLI and the server alike: the project file
 * `guideline.config.json` and the prh dictionaries it names (with their imports). Dictionaries are
 * data, never code; in an untrusted workspace they are not read at all.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import {
  EMPTY_PROJECT_CONFIG,
  parseProjectConfig,
  PROJECT_CONFIG_FILE,
  type ConfigProblem,
  type ProjectConfig,
} from '../core/config/project-config';
import { loadPrhDictionary } from '../core/checks/prh/load';
import type { CompiledPrhRule } from '../core/checks/types';
import type { PrhProblem } from '../core/checks/prh/types';
import { MAX_FILE_BYTES } from './files';

export interface LoadedProject {
  readonly configPath: string | null;
  readonly config: ProjectConfig;
  readonly configProblems: readonly ConfigProblem[];
  readonly prhRules: readonly CompiledPrhRule[];
  /** Problems by dictionary path (imports included), for diagnostics in those files. */
  readonly dictionaryProblems: ReadonlyMap<string, readonly PrhProblem[]>;
  /** Every dictionary file read, imports included: a change to any of them reloads the project. */
  readonly dictionaryFiles: readonly string[];
}

function readSmallText(path: string): string | null {
  try {
    if (statSync(path).size > MAX_FILE_BYTES) return null;
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The project file of a folder, or of the nearest folder above it that has one. */
export function findProjectConfig(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, PROJECT_CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function loadProject(
  configPath: string | null,
  options: { trusted: boolean; extraDictionaries?: readonly string[]; baseDir?: string },
): LoadedProject {
  let config = EMPTY_PROJECT_CONFIG;
  let configProblems: readonly ConfigProblem[] = [];
  if (configPath) {
    const text = readSmallText(configPath);
    if (text === null) {
      configProblems = [
        {
          code: 'config-syntax',
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: { ja: '設定ファイルを読めません。', en: 'Cannot read the configuration file.' },
        },
      ];
    } else {
      ({ config, problems: configProblems } = parseProjectConfig(text));
    }
  }
  const base = configPath ? dirname(configPath) : (options.baseDir ?? process.cwd());
  const prhRules: CompiledPrhRule[] = [];
  const dictionaryProblems = new Map<string, PrhProblem[]>();
  const dictionaryFiles: string[] = [];
  if (options.trusted) {
    const readImport = (fromPath: string, relativePath: string) => {
      const path = isAbsolute(relativePath) ? relativePath : resolve(dirname(fromPath), relativePath);
      const text = readSmallText(path);
      if (text === null) return null;
      dictionaryFiles.push(path);
      return { uri: path, text };
    };
    for (const entry of [...config.dictionaries, ...(options.extraDictionaries ?? [])]) {
      const path = isAbsolute(entry) ? entry : resolve(base, entry);
      const text = readSmallText(path);
      dictionaryFiles.push(path);
      if (text === null) {
        const problem: PrhProblem = {
          uri: configPath ?? path,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          code: 'prh-import',
          message: { ja: '辞書「{path}」を読めません。', en: 'Cannot read the dictionary "{path}".' },
          args: { path: entry },
        };
        dictionaryProblems.set(problem.uri, [...(dictionaryProblems.get(problem.uri) ?? []), problem]);
        continue;
      }
      const loaded = loadPrhDictionary(path, text, readImport);
      prhRules.push(...loaded.rules);
      for (const problem of loaded.problems)
        dictionaryProblems.set(problem.uri, [...(dictionaryProblems.get(problem.uri) ?? []), problem]);
    }
  }
  return {
    configPath,
    config,
    configProblems,
    prhRules,
    dictionaryProblems,
    dictionaryFiles: [...new Set(dictionaryFiles)],
  };
}
