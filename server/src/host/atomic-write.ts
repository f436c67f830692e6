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

export type WriteOutcome = { readonly written: true } | { readonly written: false; readonly reason: string };

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
    return { written: false, reason: (error as Error).message };
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
    return { written: false, reason: (error as Error).message };
  }
  if (info.isSymbolicLink()) return { written: false, reason: 'is a symbolic link' };
  if (!info.isFile()) return { written: false, reason: 'is not a regular file' };
  if (readFileSync(path, 'utf8') !== expected) return { written: false, reason: 'changed while it was being fixed' };
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
  if (exists && !replace) return { written: false, reason: 'already exists' };
  return writeThroughTemporary(path, data, 0o644);
}
