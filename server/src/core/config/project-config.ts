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

export type CommentDiagnosticsSetting = 'off' | 'accepted' | 'all';

export interface ProjectConfig {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly comments: { readonly files: readonly string[]; readonly diagnostics?: CommentDiagnosticsSetting };
  /** prh dictionaries, relative to the configuration file. */
  readonly dictionaries: readonly string[];
  /** Preferred katakana spellings: `{ "サーバー": "サーバ" }` or a word mapped to itself. */
  readonly preferredKatakana: Readonly<Record<string, string>>;
  /** Settings of the 公用文 rules: `{ "profile": "explanatory", "comma": "、" }`. */
  readonly official?: Partial<OfficialSettings>;
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
  stringList: { ja: '「{key}」は文字列の配列にしてください。', en: '"{key}" must be a list of strings.' },
  mode: {
    ja: '「comments.diagnostics」は off / accepted / all のいずれかです。',
    en: '"comments.diagnostics" takes off, accepted or all.',
  },
  official: {
    ja: '「official.{key}」の値は {values} のいずれかです。',
    en: '"official.{key}" takes {values}.',
  },
  stringMap: { ja: '「{key}」は文字列から文字列への対応にしてください。', en: '"{key}" must map strings to strings.' },
} as const;

const TOP_KEYS = ['$schema', 'rules', 'comments', 'dictionaries', 'preferredKatakana', 'official'];

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
      ...(official ? { official } : {}),
    },
    problems,
  };
}
