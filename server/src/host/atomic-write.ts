/**
 * Writing a user's file: only through an explicit fix or export, and atomically. The new text
 * goes to a temporary file beside the target, then replaces it by rename, so a reader (or a crash)
 * never sees half a file. Anything doubtful leaves the file untouched and says why.
 */
import {
  closeSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
  chmodSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { filled, type Localized } from '../core/i18n/locale';

export type WriteOutcome = { readonly written: true } | { readonly written: false; readonly reason: Localized };

const REASONS = {
  symlink: { ja: 'シンボリックリンクには書き込みません', en: 'is a symbolic link' },
  notFile: { ja: '通常のファイルではありません', en: 'is not a regular file' },
  changed: { ja: '修正している間にファイルが変わりました', en: 'changed while it was being fixed' },
  exists: { ja: 'ファイルがすでにあります', en: 'already exists' },
  failed: { ja: '書き込めませんでした（{detail}）', en: 'could not be written ({detail})' },
} satisfies Record<string, Localized>;

function failed(error: unknown): { written: false; reason: Localized } {
  const detail = (error as NodeJS.ErrnoException)?.code ?? String((error as Error)?.message ?? error);
  return { written: false, reason: filled(REASONS.failed, { detail }) };
}

/** The one way this tool writes: a temporary file beside the target, synced, then renamed over it. */
function writeThroughTemporary(path: string, data: string | Uint8Array, mode: number): WriteOutcome {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.guideline-tmp`);
  try {
    const fd = openSync(temporary, 'wx', mode);
    try {
      if (typeof data === 'string') writeSync(fd, data);
      else writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // openSync's mode is filtered by the umask; the replaced file keeps exactly its own.
    chmodSync(temporary, mode);
    renameSync(temporary, path);
    return { written: true };
  } catch (error) {
    rmSync(temporary, { force: true });
    return failed(error);
  }
}

/**
 * Replaces `path`'s content with `text` if it still holds `expected` (what the fix was computed
 * from). Refuses symbolic links and files that changed in the meantime.
 */
export function replaceFileAtomically(path: string, expected: string, text: string): WriteOutcome {
  let info;
  try {
    info = lstatSync(path);
  } catch (error) {
    return failed(error);
  }
  if (info.isSymbolicLink()) return { written: false, reason: REASONS.symlink };
  if (!info.isFile()) return { written: false, reason: REASONS.notFile };
  if (readFileSync(path, 'utf8') !== expected) return { written: false, reason: REASONS.changed };
  return writeThroughTemporary(path, text, info.mode & 0o7777);
}

/** Writes a new file (text or bytes) atomically; an existing file is replaced only when `replace`. */
export function writeNewFileAtomically(path: string, data: string | Uint8Array, replace: boolean): WriteOutcome {
  let exists: boolean;
  try {
    lstatSync(path);
    exists = true;
  } catch {
    exists = false;
  }
  if (exists && !replace) return { written: false, reason: REASONS.exists };
  return writeThroughTemporary(path, data, 0o644);
}
