/**
 * Loading prh dictionaries (`version`, `rules`, `imports`) into compiled rules plus a list of
 * problems with locations. Nothing here throws: bad YAML, a bad regex, an unsafe regex, a failing
 * spec, a missing or cyclic import are each reported where they are written, and the remaining
 * rules still load.
 *
 * prh behaviour mirrored (prh/prh lib/rule.ts, lib/index.ts, lib/engine.ts): a rule is a string
 * (expected only) or a map; `pattern` or else `patterns`; specs are run at load; imports are paths
 * relative to the importing file, merged after the file's own rules, and an imported rule whose
 * `expected` is already defined is dropped; `imports` entries may be `{ path, disableImports,
 * ignoreRules }`. Unlike prh, a failing spec does not discard the dictionary: it is a problem.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode, YAMLMap } from 'yaml';
import type { Localized } from '../../i18n/locale';
import { LineIndex } from '../../text/position';
import type { CompiledPrhRule, PrhImportReader, PrhLoadResult, PrhProblem } from './types';
import {
  combineSources,
  compileFlags,
  expectedSource,
  looksLikeRegExpWithUnknownFlags,
  patternSource,
  type PatternSource,
} from './pattern';
import { checkRegexSafety } from './regex-safety';
import { applyPrhRule } from './match';

const M = {
  yaml: { ja: 'YAML の構文エラー: {detail}', en: 'YAML syntax error: {detail}' },
  root: {
    ja: 'prh 辞書の最上位はマップ（version, rules, imports）でなければなりません。',
    en: 'A prh dictionary must be a map (version, rules, imports).',
  },
  rulesNotList: { ja: 'rules はリストでなければなりません。', en: '`rules` must be a list.' },
  ruleShape: {
    ja: 'ルールは文字列か、expected を持つマップでなければなりません。',
    en: 'A rule must be a string or a map with `expected`.',
  },
  expectedMissing: { ja: 'ルールに expected がありません。', en: 'The rule has no `expected`.' },
  patternShape: {
    ja: 'pattern は文字列か文字列のリストでなければなりません。',
    en: '`pattern` must be a string or a list of strings.',
  },
  patternEmpty: {
    ja: '空の pattern は使えません（すべての位置に一致します）。',
    en: 'An empty pattern matches everywhere and is not allowed.',
  },
  unknownFlags: {
    ja: '「{pattern}」は prh が受け付けないフラグを含むため、正規表現ではなく文字列として扱われます（使えるフラグ: g i m y）。',
    en: '"{pattern}" has flags prh does not accept, so it is matched as a literal string (allowed flags: g i m y).',
  },
  regex: { ja: '正規表現「{pattern}」が不正です: {detail}', en: 'Invalid regular expression "{pattern}": {detail}' },
  flags: {
    ja: 'フラグの異なるパターンは一つのルールにまとめられません（{flags}）。',
    en: 'Patterns with different flags cannot be combined in one rule ({flags}).',
  },
  mustEmpty: { ja: 'regexpMustEmpty は「$1」の形で書きます。', en: '`regexpMustEmpty` must look like `$1`.' },
  wordBoundary: {
    ja: 'options.wordBoundary は true か false です。',
    en: '`options.wordBoundary` must be true or false.',
  },
  specShape: {
    ja: 'specs の各項目には from と to（文字列）が必要です。',
    en: 'Each spec needs string `from` and `to`.',
  },
  specFailed: {
    ja: 'spec が失敗しました:「{from}」は「{to}」になるはずが「{actual}」になります。',
    en: 'Spec failed: "{from}" should become "{to}" but becomes "{actual}".',
  },
  selfMatching: {
    ja: '置換後の「{expected}」にもこのパターンが一致するため、繰り返し置換されます。否定先読み（例: /サーバ(?!ー)/）を使ってください。一括修正の対象外にします。',
    en: 'The pattern also matches the replacement "{expected}", so it would be replaced again and again; use a negative lookahead (e.g. /サーバ(?!ー)/). Excluded from fix-all.',
  },
  importShape: {
    ja: 'imports の項目はパス文字列か path を持つマップです。',
    en: 'An import is a path or a map with `path`.',
  },
  importMissing: { ja: '取り込む辞書「{path}」が見つかりません。', en: 'Imported dictionary "{path}" not found.' },
  importCycle: { ja: '辞書の取り込みが循環しています: {chain}', en: 'Import cycle: {chain}' },
  importProblems: {
    ja: '取り込んだ辞書「{path}」に問題が {count} 件あります。',
    en: 'The imported dictionary "{path}" has {count} problem(s).',
  },
  version: {
    ja: '取り込んだ辞書「{path}」の version（{theirs}）がこの辞書（{ours}）と異なります。',
    en: 'The imported dictionary "{path}" has version {theirs}, this one {ours}.',
  },
} as const satisfies Record<string, Localized>;

interface LoadedRule {
  readonly compiled: CompiledPrhRule;
  readonly rawPatterns: readonly string[];
}

interface FileResult {
  readonly rules: LoadedRule[];
  readonly version: number;
  readonly problemCount: number;
}

class Loader {
  readonly problems: PrhProblem[] = [];
  private readonly loaded = new Map<string, FileResult>();

  constructor(private readonly readImport: PrhImportReader) {}

  load(uri: string, text: string, stack: readonly string[], followImports: boolean): FileResult {
    const key = `${followImports ? 'deep' : 'flat'} ${uri}`;
    const cached = this.loaded.get(key);
    if (cached) return cached;
    const before = this.problems.length;
    const file = new DictionaryFile(uri, text, this.problems);
    const own = file.rules();
    const rules = [...own];
    if (followImports) {
      for (const entry of file.imports()) {
        const imported = this.importOne(file, entry, stack);
        for (const rule of imported) {
          if (!rules.some((r) => r.compiled.expected === rule.compiled.expected)) rules.push(rule);
        }
      }
    }
    const result = { rules, version: file.version(), problemCount: this.problems.length - before };
    this.loaded.set(key, result);
    return result;
  }

  private importOne(file: DictionaryFile, entry: ImportEntry, stack: readonly string[]): LoadedRule[] {
    const target = safeRead(this.readImport, file.uri, entry.path);
    if (!target) {
      file.problem(entry.node, 'prh-import', M.importMissing, { path: entry.path });
      return [];
    }
    if (stack.includes(target.uri)) {
      const chain = [...stack.slice(stack.indexOf(target.uri)), target.uri].join(' → ');
      file.problem(entry.node, 'prh-import', M.importCycle, { chain });
      return [];
    }
    const result = this.load(target.uri, target.text, [...stack, target.uri], !entry.disableImports);
    if (result.problemCount > 0)
      file.problem(entry.node, 'prh-import', M.importProblems, { path: entry.path, count: result.problemCount });
    if (result.version !== file.version()) {
      file.problem(entry.node, 'prh-import', M.version, {
        path: entry.path,
        theirs: result.version,
        ours: file.version(),
      });
      return [];
    }
    return result.rules.filter((rule) => !entry.ignoreRules.some((ignore) => ignores(ignore, rule)));
  }
}

function safeRead(read: PrhImportReader, fromUri: string, path: string): { uri: string; text: string } | null {
  try {
    const result = read(fromUri, path);
    return result && typeof result.text === 'string' && typeof result.uri === 'string' ? result : null;
  } catch {
    return null;
  }
}

interface IgnoreRule {
  readonly pattern?: string;
  readonly expected?: string;
}

interface ImportEntry {
  readonly path: string;
  readonly disableImports: boolean;
  readonly ignoreRules: readonly IgnoreRule[];
  readonly node: YamlNode | null;
}

function regexBody(text: string): string | undefined {
  return /^\/(.*)\/[a-z]*$/s.exec(text)?.[1];
}

/** An ignoreRules entry names a rule by one of its patterns (as written or as compiled) or its expected. */
function ignores(ignore: IgnoreRule, rule: LoadedRule): boolean {
  const { compiled, rawPatterns } = rule;
  if (ignore.expected !== undefined) {
    if (ignore.expected === compiled.expected || regexBody(ignore.expected) === compiled.expected) return true;
  }
  if (ignore.pattern !== undefined) {
    if (rawPatterns.includes(ignore.pattern)) return true;
    const body = regexBody(ignore.pattern);
    if (body !== undefined && (body === compiled.pattern.source || rawPatterns.some((p) => regexBody(p) === body)))
      return true;
  }
  return false;
}

function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** One dictionary text: locations of its nodes and the problems found in it. */
class DictionaryFile {
  private readonly index: LineIndex;
  private readonly root: YAMLMap | null;
  private readonly ok: boolean;

  constructor(
    readonly uri: string,
    text: string,
    private readonly problems: PrhProblem[],
  ) {
    this.index = new LineIndex(text);
    let doc: ReturnType<typeof parseDocument> | undefined;
    try {
      doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
    } catch (error) {
      this.problemAt(0, 0, 'prh-yaml', M.yaml, { detail: String(error) });
    }
    for (const error of doc?.errors ?? []) {
      this.problemAt(error.pos[0], error.pos[1], 'prh-yaml', M.yaml, { detail: error.message.split('\n')[0] });
    }
    this.ok = !!doc && doc.errors.length === 0;
    const contents = this.ok ? doc!.contents : null;
    if (this.ok && contents !== null && !isMap(contents)) this.problem(contents as YamlNode, 'prh-structure', M.root);
    this.root = isMap(contents) ? contents : null;
  }

  problemAt(
    start: number,
    end: number,
    code: string,
    message: Localized,
    args?: Record<string, string | number>,
  ): void {
    this.problems.push({
      uri: this.uri,
      range: this.index.rangeOf(start, end),
      message,
      code,
      ...(args ? { args } : {}),
    });
  }

  problem(
    node: YamlNode | null | undefined,
    code: string,
    message: Localized,
    args?: Record<string, string | number>,
  ): void {
    const range = node?.range ?? [0, 0, 0];
    this.problemAt(range[0], range[1], code, message, args);
  }

  version(): number {
    const v = Number(scalarString(this.root?.get('version', true)) ?? 1);
    return Number.isFinite(v) && v !== 0 ? v : 1;
  }

  imports(): ImportEntry[] {
    const node = this.root?.get('imports', true) as YamlNode | undefined;
    if (!node) return [];
    const items: unknown[] = isSeq(node) ? node.items : [node];
    const entries: ImportEntry[] = [];
    for (const item of items) {
      const direct = scalarString(item);
      if (direct !== undefined) {
        entries.push({ path: direct, disableImports: false, ignoreRules: [], node: item as YamlNode });
        continue;
      }
      const path = isMap(item) ? scalarString(item.get('path', true)) : undefined;
      if (!isMap(item) || path === undefined) {
        this.problem(item as YamlNode, 'prh-structure', M.importShape);
        continue;
      }
      const ignoreNode = item.get('ignoreRules', true);
      const ignoreRules: IgnoreRule[] = [];
      for (const ignore of isSeq(ignoreNode) ? ignoreNode.items : ignoreNode ? [ignoreNode] : []) {
        const asString = scalarString(ignore);
        if (asString !== undefined) ignoreRules.push({ pattern: asString });
        else if (isMap(ignore)) {
          ignoreRules.push({
            pattern: scalarString(ignore.get('pattern', true)),
            expected: scalarString(ignore.get('expected', true)),
          });
        }
      }
      const disable = item.get('disableImports', true);
      entries.push({
        path,
        disableImports: isScalar(disable) && disable.value === true,
        ignoreRules,
        node: item as YamlNode,
      });
    }
    return entries;
  }

  rules(): LoadedRule[] {
    const node = this.root?.get('rules', true);
    if (node === undefined || node === null) return [];
    if (!isSeq(node)) {
      this.problem(node as YamlNode, 'prh-structure', M.rulesNotList);
      return [];
    }
    const rules: LoadedRule[] = [];
    node.items.forEach((item, i) => {
      const rule = this.rule(item as YamlNode, i);
      if (rule) rules.push(rule);
    });
    return rules;
  }

  private rule(node: YamlNode, position: number): LoadedRule | undefined {
    const asString = scalarString(node);
    if (asString !== undefined) return this.compile(node, position, { expected: asString });
    if (!isMap(node)) {
      this.problem(node, 'prh-structure', M.ruleShape);
      return undefined;
    }
    const expectedNode = node.get('expected', true) as YamlNode | undefined;
    const expected = scalarString(expectedNode);
    if (expected === undefined) {
      this.problem(expectedNode ?? node, 'prh-structure', expectedNode ? M.ruleShape : M.expectedMissing);
      return undefined;
    }
    const patternNode = (node.get('pattern', true) ?? node.get('patterns', true)) as YamlNode | undefined;
    const options = node.get('options', true);
    const boundaryNode = isMap(options) ? options.get('wordBoundary', true) : undefined;
    let wordBoundary = false;
    if (boundaryNode !== undefined) {
      if (isScalar(boundaryNode) && typeof boundaryNode.value === 'boolean') wordBoundary = boundaryNode.value;
      else this.problem(boundaryNode as YamlNode, 'prh-structure', M.wordBoundary);
    }
    const mustEmptyNode = node.get('regexpMustEmpty', true) as YamlNode | undefined;
    let regexpMustEmpty: number | undefined;
    if (mustEmptyNode !== undefined) {
      const m = /^\$([0-9]+)$/.exec(scalarString(mustEmptyNode) ?? '');
      if (!m) {
        this.problem(mustEmptyNode, 'prh-structure', M.mustEmpty);
        return undefined;
      }
      regexpMustEmpty = parseInt(m[1], 10);
    }
    const note = scalarString(node.get('prh', true));
    return this.compile(node, position, {
      expected,
      patternNode,
      wordBoundary,
      regexpMustEmpty,
      note,
      specsNode: node.get('specs', true) as YamlNode | undefined,
    });
  }

  private patternParts(node: YamlNode, wordBoundary: boolean): { parts: PatternSource[]; raw: string[] } | undefined {
    const items: unknown[] = isSeq(node) ? node.items : [node];
    const parts: PatternSource[] = [];
    const raw: string[] = [];
    if (items.length === 0) {
      this.problem(node, 'prh-pattern', M.patternEmpty);
      return undefined;
    }
    for (const item of items) {
      const text = scalarString(item);
      if (text === undefined) {
        this.problem(item as YamlNode, 'prh-structure', M.patternShape);
        return undefined;
      }
      if (text.length === 0 || text === '//') {
        this.problem(item as YamlNode, 'prh-pattern', M.patternEmpty);
        return undefined;
      }
      if (looksLikeRegExpWithUnknownFlags(text))
        this.problem(item as YamlNode, 'prh-pattern', M.unknownFlags, { pattern: text });
      raw.push(text);
      parts.push(patternSource(text, wordBoundary));
    }
    return { parts, raw };
  }

  private compile(
    node: YamlNode,
    position: number,
    spec: {
      expected: string;
      patternNode?: YamlNode;
      wordBoundary?: boolean;
      regexpMustEmpty?: number;
      note?: string;
      specsNode?: YamlNode;
    },
  ): LoadedRule | undefined {
    const wordBoundary = spec.wordBoundary ?? false;
    let parts: PatternSource[];
    let raw: string[] = [];
    if (spec.patternNode === undefined || (isScalar(spec.patternNode) && spec.patternNode.value === null)) {
      if (spec.expected.length === 0) {
        this.problem(node, 'prh-pattern', M.patternEmpty);
        return undefined;
      }
      parts = [expectedSource(spec.expected, wordBoundary)];
    } else {
      const result = this.patternParts(spec.patternNode, wordBoundary);
      if (!result) return undefined;
      ({ parts, raw } = result);
    }
    const where = spec.patternNode ?? node;
    const combined = combineSources(parts);
    if (!combined.ok) {
      this.problem(where, 'prh-pattern', M.flags, { flags: combined.flags.map((f) => f || '(none)').join(', ') });
      return undefined;
    }
    const flags = compileFlags(combined.source.ignoreCase);
    let pattern: RegExp;
    try {
      pattern = new RegExp(combined.source.source, flags);
    } catch (error) {
      this.problem(where, 'prh-regex', M.regex, {
        pattern: raw.join(' | ') || spec.expected,
        detail: (error as Error).message,
      });
      return undefined;
    }
    if (combined.source.isRegExp) {
      const safety = checkRegexSafety(combined.source.source, flags);
      if (!safety.safe) {
        this.problem(where, 'prh-unsafe-regex', safety.reason);
        return undefined;
      }
    }
    const matchable = { pattern, expected: spec.expected, regexpMustEmpty: spec.regexpMustEmpty };
    const selfMatching = !/\$[0-9]/.test(spec.expected) && applyPrhRule(matchable, spec.expected) !== spec.expected;
    if (selfMatching) this.problem(where, 'prh-self-matching', M.selfMatching, { expected: spec.expected });
    this.runSpecs(spec.specsNode, matchable);
    const range = node.range ?? [0, 0, 0];
    return {
      rawPatterns: raw,
      compiled: {
        id: `${this.uri}#${position}`,
        expected: spec.expected,
        pattern,
        ...(spec.regexpMustEmpty !== undefined ? { regexpMustEmpty: spec.regexpMustEmpty } : {}),
        ...(spec.note !== undefined ? { note: spec.note } : {}),
        uri: this.uri,
        range: this.index.rangeOf(range[0], range[1]),
        selfMatching,
      },
    };
  }

  private runSpecs(specsNode: YamlNode | undefined, rule: Parameters<typeof applyPrhRule>[0]): void {
    if (!specsNode) return;
    const items: unknown[] = isSeq(specsNode) ? specsNode.items : [specsNode];
    for (const item of items) {
      const from = isMap(item) ? scalarString(item.get('from', true)) : undefined;
      const to = isMap(item) ? scalarString(item.get('to', true)) : undefined;
      if (from === undefined || to === undefined) {
        this.problem(item as YamlNode, 'prh-structure', M.specShape);
        continue;
      }
      const actual = applyPrhRule(rule, from);
      if (actual !== to) this.problem(item as YamlNode, 'prh-spec', M.specFailed, { from, to, actual });
    }
  }
}

/**
 * Loads a prh dictionary and its imports. `readImport(fromUri, relativePath)` resolves and reads
 * an import (the core does no I/O); it returns null for a missing file.
 */
export function loadPrhDictionary(uri: string, text: string, readImport: PrhImportReader): PrhLoadResult {
  const loader = new Loader(readImport);
  const result = loader.load(uri, text, [uri], true);
  return { rules: result.rules.map((r) => r.compiled), problems: loader.problems };
}
