/**
 * The CLI's own messages, Japanese first with the English fallback (`--lang`, LANG). Every line the
 * CLI writes for a person comes from here, from the core's tables or from the host's.
 */
import type { Localized } from '../core/i18n/locale';

export const CLI_MESSAGES = {
  needsInputs: {
    ja: '{command} にはファイルかフォルダを一つ以上指定してください（guideline {command} --help を参照）',
    en: '{command} needs at least one file or folder (see guideline {command} --help)',
  },
  needsFolder: {
    ja: '{command} にはフォルダを指定してください（guideline {command} --help を参照）',
    en: '{command} needs a folder (see guideline {command} --help)',
  },
  needsOneFile: {
    ja: '{command} にはファイルを一つだけ指定してください（guideline {command} --help を参照）',
    en: '{command} needs exactly one file (see guideline {command} --help)',
  },
  noSuchInput: { ja: '{input}: ファイルもフォルダもありません', en: '{input}: no such file or folder' },
  unreadable: { ja: '{path}: {reason}', en: '{path}: {reason}' },

  configuredMissing: {
    ja: '{config}: comments.files の「{file}」がありません',
    en: '{config}: comments.files: {file}: no such file',
  },
  notFixedEncoding: {
    ja: '{path}: 修正しませんでした。ファイルが {encoding} です（修正は UTF-8 のファイルにだけ書き込みます）',
    en: '{path}: not fixed: the file is {encoding}; fixes are written to UTF-8 files only',
  },
  notFixedInvalid: {
    ja: '{path}: 修正しませんでした。UTF-8 として正しくありません（置換文字があります）',
    en: '{path}: not fixed: not valid UTF-8 (replacement characters found)',
  },
  notFixedWrite: { ja: '{path}: 修正しませんでした。{reason}', en: '{path}: not fixed: {reason}' },
  fixed: { ja: '{path}: {count} 件を修正しました', en: '{path}: fixed {count} problem(s)' },
  unreadableComments: {
    ja: '{path}: 警告: {reason}',
    en: '{path}: warning: {reason}',
  },
  roundSummary: {
    ja: '   意見 {count}件：完全一致 {exact}、全般 {general}、一部 {partial}、未解決 {unresolved}、対象外 {unattached}',
    en: '   {count} comments: {exact} exact, {general} general, {partial} partial, {unresolved} unresolved, {unattached} not about a guideline here',
  },
  findingsOf: { ja: '-- {path}: 指摘 {count}件', en: '-- {path}: {count} findings' },
} satisfies Record<string, Localized>;
