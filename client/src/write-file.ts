/** Writing a user's file from a command: atomically, so that a reader never sees half a file. */
import * as vscode from 'vscode';

/** Writes next to the destination, then renames over it. */
export async function writeAtomically(destination: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const temporary = destination.with({ path: `${destination.path}.${process.pid}.tmp` });
  await vscode.workspace.fs.writeFile(temporary, bytes);
  try {
    await vscode.workspace.fs.rename(temporary, destination, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}

/** `name.ext`, else `name-2.ext`, `name-3.ext` … : the first that does not exist in `folder`. */
export async function freeFileName(folder: vscode.Uri, name: string, ext: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, `${name}${n === 1 ? '' : `-${n}`}.${ext}`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}
