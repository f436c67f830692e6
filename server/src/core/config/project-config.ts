/**
 * The project configuration file `guideline.config.json`, shared by the CLI and the server:
 * rule severities, comment documents, prh dictionaries and preferred katakana spellings. Parsed
 * with positions so that every mistake is reported at its line and column; a broken file yields
 * the defaults plus problems, never an exception.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Localized } from '../i18n/locale';
import type { Range } from '../text/position';
import { isRuleSetting, type RuleSetting } from './rule-settings';
import { CONFIGURABLE_CODES } from './codes';
import type { OfficialSettings } from '../checks/types';

export const PROJECT_CONFIG_FILE = 'guideline.config.json';

type CommentDiagnosticsSetting = 'off' | 'accepted' | 'all';

export interface ProjectConfig {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly comments: { readonly files: readonly string[]; readonly diagnostics?: CommentDiagnosticsSetting };
  /** prh dictionaries, relative to the configuration file. */
  readonly dictionaries: readonly string[];
  /** Preferred katakana spellings: `{ "サーバー": "サーバ" }` or a word mapped to itself. */
  readonly preferredKatakana: Readonly<Record<string, string>>;
  /** Earlier versions of the guideline, oldest first as written; the workspace holds the current one. */
  readonly versions: readonly VersionConfig[];
  /** A municipal policy's guideline (for coverage) and the words its adoption substitutes. */
  readonly policy?: PolicySettings;
  /** Settings of the 公用文 rules: `{ "profile": "explanatory", "comma": "、" }`. */
  readonly official?: Partial<OfficialSettings>;
}

/** An earlier version: another file or the guideline at a git revision, and the comments made on it. */
export interface VersionConfig {
  readonly label: string;
  /** Relative to the configuration file. */
  readonly file?: string;
  /** A git revision (tag, branch, commit); the path is the current guideline's. */
  readonly git?: string;
  /** Comment documents made on this version, relative to the configuration file. */
  readonly comments: readonly string[];
  /** Where the entry is written, for messages about it. */
  readonly range: Range;
}

interface PolicySettings {
  /** The guideline the policy derives from, relative to the configuration file. */
  readonly guideline?: string;
  /** A guideline word → the policy's word(s): compared as equal by coverage. */
  readonly substitutions: Readonly<Record<string, string | readonly string[]>>;
}

export interface ConfigProblem {
  readonly range: Range;
  readonly message: Localized;
  readonly code: 'config-syntax' | 'config-value' | 'config-unknown-key' | 'config-unknown-rule';
}

export const EMPTY_PROJECT_CONFIG: ProjectConfig = {
  rules: {},
  comments: { files: [] },
  dictionaries: [],
  preferredKatakana: {},
  versions: [],
};

const MESSAGES = {
  syntax: { ja: '設定ファイルを読めません：{detail}', en: 'Cannot read the configuration: {detail}' },
  object: {
    ja: '設定ファイルの最上位はオブジェクト（{ … }）にしてください。',
    en: 'The configuration must be an object ({ … }).',
  },
  unknownKey: {
    ja: '不明な設定項目「{key}」です（無視します）。使える項目：{known}',
    en: 'Unknown setting "{key}" (ignored). Known: {known}',
  },
  unknownRule: {
    ja: '規則のコード「{key}」はありません（綴りを確認してください）。',
    en: 'There is no rule with the code "{key}" (check the spelling).',
  },
  ruleValue: {
    ja: '規則「{key}」の値は error / warning / information / hint / off のいずれかです。',
    en: 'Rule "{key}" takes error, warning, information, hint or off.',
  },
  string: { ja: '「{key}」は文字列にしてください。', en: '"{key}" must be a string.' },
  stringList: { ja: '「{key}」は文字列の配列にしてください。', en: '"{key}" must be a list of strings.' },
  mode: {
    ja: '「comments.diagnostics」は off / accepted / all のいずれかです。',
    en: '"comments.diagnostics" takes off, accepted or all.',
  },
  versionObject: {
    ja: '「versions」の各項目は { "label": …, "file": … } または { "label": …, "git": … } の形にしてください。',
    en: 'Each entry of "versions" must be { "label": …, "file": … } or { "label": …, "git": … }.',
  },
  versionLabel: {
    ja: '版の「label」（「2015年3月 意見募集案」など）を文字列で指定してください。',
    en: 'Give the version a "label" string (such as "2015年3月 意見募集案").',
  },
  versionSource: {
    ja: '版には「file」（ファイル）か「git」（リビジョン）のどちらか一つを指定してください。',
    en: 'A version takes exactly one of "file" (a file) or "git" (a revision).',
  },
  versionGit: {
    ja: '「git」のリビジョン「{value}」は使えません（英数字と . _ / ~ ^ - のみ、先頭に - は不可）。',
    en: 'The git revision "{value}" cannot be used (letters, digits and . _ / ~ ^ - only; no leading -).',
  },
  official: {
    ja: '「official.{key}」の値は {values} のいずれかです。',
    en: '"official.{key}" takes {values}.',
  },
  stringMap: { ja: '「{key}」は文字列から文字列への対応にしてください。', en: '"{key}" must map strings to strings.' },
  substitutions: {
    ja: '「policy.substitutions」はガイドラインの語から対策基準の語（文字列か文字列の配列）への対応にしてください。',
    en: '"policy.substitutions" must map guideline words to the policy\'s word (a string or a list of strings).',
  },
} as const;

const TOP_KEYS = [
  '$schema',
  'rules',
  'comments',
  'dictionaries',
  'preferredKatakana',
  'versions',
  'policy',
  'official',
];
const VERSION_KEYS = ['label', 'file', 'git', 'comments'];
/** A revision git can only read as a revision: never an option, never a shell word. */
export const GIT_REVISION = /^(?!-)[A-Za-z0-9._/~^@{}-]{1,200}$/;

export function parseProjectConfig(text: string): { config: ProjectConfig; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  const problems: ConfigProblem[] = [];
  const rangeOf = (from: number, to: number): Range => {
    const a = lineCounter.linePos(from);
    const b = lineCounter.linePos(Math.max(from, to));
    return { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } };
  };
  const nodeRange = (node: Node | null | undefined): Range =>
    node?.range ? rangeOf(node.range[0], node.range[1]) : rangeOf(0, 0);
  const problem = (
    code: ConfigProblem['code'],
    node: Node | null | undefined,
    message: Localized,
    args: Record<string, string> = {},
  ): void => {
    const filled = {
      ja: message.ja.replace(/\{(\w+)\}/g, (w, k: string) => args[k] ?? w),
      en: message.en.replace(/\{(\w+)\}/g, (w, k: string) => args[k] ?? w),
    };
    problems.push({ code, range: nodeRange(node), message: filled });
  };

  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  for (const error of document.errors) {
    problems.push({
      code: 'config-syntax',
      range: rangeOf(error.pos[0], error.pos[1]),
      message: {
        ja: MESSAGES.syntax.ja.replace('{detail}', error.message),
        en: MESSAGES.syntax.en.replace('{detail}', error.message),
      },
    });
  }
  if (document.errors.length > 0) return { config: EMPTY_PROJECT_CONFIG, problems };
  const root = document.contents;
  if (root === null || root === undefined) return { config: EMPTY_PROJECT_CONFIG, problems };
  if (!isMap(root)) {
    problem('config-value', root as Node, MESSAGES.object);
    return { config: EMPTY_PROJECT_CONFIG, problems };
  }

  const strings = (key: string, node: unknown): string[] => {
    if (isSeq(node) && node.items.every((i) => isScalar(i) && typeof i.value === 'string'))
      return node.items.map((i) => String((i as { value: unknown }).value));
    problem('config-value', node as Node, MESSAGES.stringList, { key });
    return [];
  };
  const rules: Record<string, RuleSetting> = {};
  let files: string[] = [];
  let diagnostics: CommentDiagnosticsSetting | undefined;
  let dictionaries: string[] = [];
  const preferredKatakana: Record<string, string> = {};
  const versions: VersionConfig[] = [];
  const parseVersion = (entry: unknown): void => {
    if (!isMap(entry)) {
      problem('config-value', entry as Node, MESSAGES.versionObject);
      return;
    }
    let label: string | undefined;
    let file: string | undefined;
    let git: string | undefined;
    let comments: string[] = [];
    for (const item of entry.items) {
      const sub = isScalar(item.key) ? String(item.key.value) : '';
      const scalar = isScalar(item.value) && typeof item.value.value === 'string' ? item.value.value : undefined;
      if (sub === 'label') {
        if (scalar?.trim()) label = scalar.trim();
        else problem('config-value', item.value as Node, MESSAGES.versionLabel);
      } else if (sub === 'file') {
        if (scalar?.trim()) file = scalar.trim();
        else problem('config-value', item.value as Node, MESSAGES.string, { key: 'versions[].file' });
      } else if (sub === 'git') {
        if (scalar && GIT_REVISION.test(scalar)) git = scalar;
        else problem('config-value', item.value as Node, MESSAGES.versionGit, { value: String(scalar ?? '') });
      } else if (sub === 'comments') comments = strings('versions[].comments', item.value);
      else
        problem('config-unknown-key', item.key as Node, MESSAGES.unknownKey, {
          key: `versions[].${sub}`,
          known: VERSION_KEYS.join(', '),
        });
    }
    const hasLabel = entry.items.some((i) => isScalar(i.key) && i.key.value === 'label');
    if (!hasLabel) problem('config-value', entry as Node, MESSAGES.versionLabel);
    const sources = entry.items.filter((i) => isScalar(i.key) && (i.key.value === 'file' || i.key.value === 'git'));
    if (sources.length !== 1) problem('config-value', entry as Node, MESSAGES.versionSource);
    if (label && (file || git) && sources.length === 1)
      versions.push({ label, ...(file ? { file } : { git: git! }), comments, range: nodeRange(entry as Node) });
  };
  let policy: PolicySettings | undefined;
  let official: { profile?: OfficialSettings['profile']; comma?: OfficialSettings['comma'] } | undefined;

  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    switch (key) {
      case '$schema':
        break;
      case 'rules':
        if (!isMap(value)) {
          problem('config-value', value as Node, MESSAGES.object);
          break;
        }
        for (const rule of value.items) {
          const code = isScalar(rule.key) ? String(rule.key.value) : '';
          const setting = isScalar(rule.value) ? rule.value.value : undefined;
          if (!CONFIGURABLE_CODES.has(code))
            problem('config-unknown-rule', rule.key as Node, MESSAGES.unknownRule, { key: code });
          if (isRuleSetting(setting)) rules[code] = setting;
          else problem('config-value', (rule.value ?? rule.key) as Node, MESSAGES.ruleValue, { key: code });
        }
        break;
      case 'comments':
        if (!isMap(value)) {
          problem('config-value', value as Node, MESSAGES.object);
          break;
        }
        for (const item of value.items) {
          const sub = isScalar(item.key) ? String(item.key.value) : '';
          if (sub === 'files') files = strings('comments.files', item.value);
          else if (sub === 'diagnostics') {
            const mode = isScalar(item.value) ? item.value.value : undefined;
            if (mode === 'off' || mode === 'accepted' || mode === 'all') diagnostics = mode;
            else problem('config-value', item.value as Node, MESSAGES.mode);
          } else
            problem('config-unknown-key', item.key as Node, MESSAGES.unknownKey, {
              key: `comments.${sub}`,
              known: 'files, diagnostics',
            });
        }
        break;
      case 'dictionaries':
        dictionaries = strings('dictionaries', value);
        break;
      case 'preferredKatakana':
        if (
          isMap(value) &&
          value.items.every((i) => isScalar(i.key) && isScalar(i.value) && typeof i.value.value === 'string')
        ) {
          for (const item of value.items)
            preferredKatakana[String((item.key as { value: unknown }).value)] = String(
              (item.value as { value: unknown }).value,
            );
        } else if (isSeq(value)) {
          for (const word of strings('preferredKatakana', value)) preferredKatakana[word] = word;
        } else problem('config-value', value as Node, MESSAGES.stringMap, { key: 'preferredKatakana' });
        break;
      case 'versions':
        if (isSeq(value)) for (const entry of value.items) parseVersion(entry);
        else problem('config-value', value as Node, MESSAGES.versionObject);
        break;
      case 'policy':
        policy = parsePolicy(value, problem);
        break;
      case 'official':
        if (!isMap(value)) {
          problem('config-value', value as Node, MESSAGES.object);
          break;
        }
        official = {};
        for (const item of value.items) {
          const sub = isScalar(item.key) ? String(item.key.value) : '';
          const v = isScalar(item.value) ? item.value.value : undefined;
          if (sub === 'profile') {
            if (v === 'notice' || v === 'explanatory') official.profile = v;
            else
              problem('config-value', item.value as Node, MESSAGES.official, {
                key: sub,
                values: 'notice / explanatory',
              });
          } else if (sub === 'comma') {
            if (v === '、' || v === '，') official.comma = v;
            else
              problem('config-value', item.value as Node, MESSAGES.official, { key: sub, values: '「、」 / 「，」' });
          } else
            problem('config-unknown-key', item.key as Node, MESSAGES.unknownKey, {
              key: `official.${sub}`,
              known: 'profile, comma',
            });
        }
        break;
      default:
        problem('config-unknown-key', pair.key as Node, MESSAGES.unknownKey, {
          key,
          known: TOP_KEYS.slice(1).join(', '),
        });
    }
  }
  return {
    config: {
      rules,
      comments: { files, ...(diagnostics ? { diagnostics } : {}) },
      dictionaries,
      preferredKatakana,
      versions,
      ...(policy ? { policy } : {}),
      ...(official ? { official } : {}),
    },
    problems,
  };
}

type Report = (
  code: ConfigProblem['code'],
  node: Node | null | undefined,
  message: Localized,
  args?: Record<string, string>,
) => void;

/** `policy: { guideline, substitutions }`; a wrong value is reported and left out. */
function parsePolicy(value: unknown, problem: Report): PolicySettings | undefined {
  if (!isMap(value)) {
    problem('config-value', value as Node, MESSAGES.object);
    return undefined;
  }
  let guideline: string | undefined;
  const substitutions: Record<string, string | readonly string[]> = {};
  for (const item of value.items) {
    const sub = isScalar(item.key) ? String(item.key.value) : '';
    if (sub === 'guideline') {
      if (isScalar(item.value) && typeof item.value.value === 'string') guideline = item.value.value;
      else problem('config-value', item.value as Node, MESSAGES.string, { key: 'policy.guideline' });
    } else if (sub === 'substitutions') {
      const map = item.value;
      const wordList = (node: unknown): string | string[] | undefined => {
        if (isScalar(node) && typeof node.value === 'string') return node.value;
        if (isSeq(node) && node.items.every((i) => isScalar(i) && typeof i.value === 'string'))
          return node.items.map((i) => String((i as { value: unknown }).value));
        return undefined;
      };
      if (isMap(map) && map.items.every((i) => isScalar(i.key) && wordList(i.value) !== undefined)) {
        for (const i of map.items) substitutions[String((i.key as { value: unknown }).value)] = wordList(i.value)!;
      } else problem('config-value', map as Node, MESSAGES.substitutions);
    } else
      problem('config-unknown-key', item.key as Node, MESSAGES.unknownKey, {
        key: `policy.${sub}`,
        known: 'guideline, substitutions',
      });
  }
  return { ...(guideline !== undefined ? { guideline } : {}), substitutions };
}
