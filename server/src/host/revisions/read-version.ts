/**
 * Reads an earlier version of a guideline: another file, or the current guideline's path at a git
 * revision. Git is a program a repository's own configuration can steer (core.fsmonitor runs a
 * command), so it is started only in a trusted workspace, without a shell, with a fixed argument
 * list, a validated revision, a time limit and fsmonitor switched off.
 */
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import type { Localized } from '../../core/i18n/locale';
import { GIT_REVISION, type VersionConfig } from '../../core/config/project-config';
import { MAX_FILE_BYTES, readTextFile } from '../files';
import { decodeBytes } from '../../core/text/encoding';

const GIT_TIMEOUT_MS = 10_000;

export type VersionText =
  | { readonly ok: true; readonly label: string; readonly text: string; readonly uri: string }
  | {
      readonly ok: false;
      readonly label: string;
      /** True when the version cannot be read here by design (git in Restricted Mode), not by error. */
      readonly unavailable: boolean;
      readonly message: Localized;
    };

const MESSAGES = {
  untrusted: {
    ja: '版「{label}」は git から読むため、信頼されていないワークスペース（制限モード）では使えません。',
    en: 'Version "{label}" is read from git, which is not run in an untrusted workspace (Restricted Mode).',
  },
  noGuideline: {
    ja: '版「{label}」（git）を読むには、現在のガイドラインのファイルが必要です。',
    en: 'Version "{label}" (git) needs the current guideline file to know which path to read.',
  },
  badRevision: {
    ja: '版「{label}」の git のリビジョン「{revision}」は使えません。',
    en: 'The git revision "{revision}" of version "{label}" cannot be used.',
  },
  gitMissing: {
    ja: 'git が見つかりません（版「{label}」を読めません）。',
    en: 'git is not installed (cannot read version "{label}").',
  },
  gitFailed: {
    ja: '版「{label}」を git から読めません：{detail}',
    en: 'Cannot read version "{label}" from git: {detail}',
  },
  gitTimeout: {
    ja: '版「{label}」を git から読む処理が {seconds} 秒で終わらなかったため中止しました。',
    en: 'Reading version "{label}" from git did not finish in {seconds} s and was stopped.',
  },
  file: {
    ja: '版「{label}」のファイル「{file}」を読めません：{detail}',
    en: 'Cannot read "{file}" of version "{label}": {detail}',
  },
} as const;

/** Fills placeholders per language; an argument may itself be Localized (a reason from host/files). */
function fill(message: Localized, args: Record<string, string | number | Localized>): Localized {
  const apply = (text: string, locale: 'ja' | 'en') =>
    text.replace(/\{(\w+)\}/g, (w, k: string) => {
      const v = args[k];
      return v === undefined ? w : typeof v === 'object' ? v[locale] : String(v);
    });
  return { ja: apply(message.ja, 'ja'), en: apply(message.en, 'en') };
}

/** The fixed argument list of `git show`: no pager, no fsmonitor program, no textconv filter. */
export function gitShowArgs(file: string, revision: string): string[] {
  return [
    '--no-pager',
    '-c',
    'core.fsmonitor=false',
    '-c',
    'core.untrackedCache=false',
    'show',
    '--no-textconv',
    `${revision}:./${basename(file)}`,
  ];
}

/**
 * `git show REV:./FILE` in the file's folder. The argument list is fixed; the revision has been
 * checked against GIT_REVISION (never an option, never a shell word) and a shell is never used.
 */
export async function gitShow(
  file: string,
  revision: string,
  timeoutMs = GIT_TIMEOUT_MS,
): Promise<{ ok: true; text: string } | { ok: false; reason: 'missing' | 'timeout' | 'failed'; detail: string }> {
  if (!GIT_REVISION.test(revision)) return { ok: false, reason: 'failed', detail: 'invalid revision' };
  const args = gitShowArgs(file, revision);
  // Loaded here: node:child_process (and the network modules it pulls in) costs every other run ~7 ms.
  const { execFile } = await import('node:child_process');
  return new Promise((done) => {
    execFile(
      'git',
      args,
      {
        cwd: dirname(file),
        shell: false,
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: MAX_FILE_BYTES,
        encoding: 'buffer',
        windowsHide: true,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
      },
      (error, stdout, stderr) => {
        if (!error) return done({ ok: true, text: decodeBytes(stdout).text });
        const e = error as NodeJS.ErrnoException & { killed?: boolean };
        if (e.code === 'ENOENT') return done({ ok: false, reason: 'missing', detail: 'git not found' });
        if (e.killed) return done({ ok: false, reason: 'timeout', detail: '' });
        const detail = Buffer.from(stderr).toString('utf8').trim().split('\n')[0] || e.message;
        done({ ok: false, reason: 'failed', detail });
      },
    );
  });
}

export interface ReadVersionOptions {
  /** The folder `file` entries are relative to (the configuration file's). */
  readonly baseDir: string;
  /** The current guideline: git versions read its path at their revision. */
  readonly currentGuideline: string | null;
  /** False in Restricted Mode: no git process is started. */
  readonly trusted: boolean;
  readonly timeoutMs?: number;
}

export async function readVersion(version: VersionConfig, options: ReadVersionOptions): Promise<VersionText> {
  const label = version.label;
  if (version.file !== undefined) {
    const path = isAbsolute(version.file) ? version.file : resolve(options.baseDir, version.file);
    const read = await readTextFile(path);
    if ('error' in read)
      return {
        ok: false,
        label,
        unavailable: false,
        message: fill(MESSAGES.file, { label, file: version.file, detail: read.error }),
      };
    return { ok: true, label, text: read.text, uri: path };
  }
  const revision = version.git ?? '';
  if (!options.trusted) return { ok: false, label, unavailable: true, message: fill(MESSAGES.untrusted, { label }) };
  if (!options.currentGuideline)
    return { ok: false, label, unavailable: true, message: fill(MESSAGES.noGuideline, { label }) };
  if (!GIT_REVISION.test(revision))
    return { ok: false, label, unavailable: false, message: fill(MESSAGES.badRevision, { label, revision }) };
  const timeoutMs = options.timeoutMs ?? GIT_TIMEOUT_MS;
  const shown = await gitShow(options.currentGuideline, revision, timeoutMs);
  if (shown.ok) return { ok: true, label, text: shown.text, uri: `${options.currentGuideline}@${revision}` };
  const message =
    shown.reason === 'missing'
      ? fill(MESSAGES.gitMissing, { label })
      : shown.reason === 'timeout'
        ? fill(MESSAGES.gitTimeout, { label, seconds: Math.round(timeoutMs / 1000) })
        : fill(MESSAGES.gitFailed, { label, detail: shown.detail });
  return { ok: false, label, unavailable: shown.reason === 'missing', message };
}
