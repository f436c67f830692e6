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
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.guideline-tmp`);
  try {
    const fd = openSync(temporary, 'wx', info.mode & 0o7777);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temporary, info.mode & 0o7777);
    renameSync(temporary, path);
    return { written: true };
  } catch (error) {
    rmSync(temporary, { force: true });
    return { written: false, reason: (error as Error).message };
  }
}

/** Writes a new file atomically; refuses to replace an existing one unless `force`. */
export function writeNewFileAtomically(path: string, text: string | Uint8Array, force: boolean): WriteOutcome {
  let exists = false;
  try {
    lstatSync(path);
    exists = true;
  } catch {
    exists = false;
  }
  if (exists && !force) return { written: false, reason: 'already exists (use --force to replace it)' };
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.guideline-tmp`);
  try {
    const fd = openSync(temporary, 'wx', 0o644);
    try {
      if (typeof text === 'string') writeSync(fd, text);
      else writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    return { written: true };
  } catch (error) {
    rmSync(temporary, { force: true });
    return { written: false, reason: (error as Error).message };
  }
}
