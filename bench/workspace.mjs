/** Writes the generated workspaces of one scale under bench/tmp/, and the warm-up guidelines. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateComments, generateGuideline } from './generate.mjs';

/**
 * `workspace`: the guideline and its comment document, as a user's folder holds them.
 * `coldWorkspace`: the comment document alone, the guideline at the same relative path but not on
 * disk; a server started there sees the guideline's text for the first time when it is opened
 * (one started in `workspace` reads and analyses it at start-up).
 */
export function prepareWorkspace(tmpDir, name, scale) {
  const guideline = generateGuideline(scale);
  const comments = generateComments(guideline, scale);
  const folder = (path, withGuideline) => {
    // Only these files: anything else in the folder would be read by the server as well.
    rmSync(path, { recursive: true, force: true });
    mkdirSync(path, { recursive: true });
    if (withGuideline) writeFileSync(join(path, 'guideline.md'), guideline.text);
    writeFileSync(join(path, 'comments.txt'), comments.text);
    return path;
  };
  const workspace = folder(join(tmpDir, name), true);
  const coldWorkspace = folder(join(tmpDir, `${name}-cold`), false);
  const commentedUnits = comments.commentedUnits.length > 0 ? comments.commentedUnits : guideline.units.slice(0, 1);
  return {
    workspace,
    file: join(workspace, 'guideline.md'),
    coldWorkspace,
    coldFile: join(coldWorkspace, 'guideline.md'),
    text: guideline.text,
    bytes: Buffer.byteLength(guideline.text),
    units: guideline.units,
    commentedUnits,
    records: comments.records,
    plantedMistakes: guideline.mistakes,
  };
}

/**
 * Guidelines of the real size with other seeds, in a folder of their own (outside every benchmark
 * workspace, so that no server reads them as part of one): opened and closed before the measured
 * document, they warm the server's code, not its caches (see sharedChunkBytes).
 */
export function warmupDocuments(tmpDir, count) {
  const folder = join(tmpDir, 'warmup');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const { text } = generateGuideline(1, 7001 + i);
    const file = join(folder, `warmup-${i + 1}.md`);
    writeFileSync(file, text);
    return { file, text };
  });
}

/**
 * The bytes of `text` in chunks (a heading and what follows it up to the next heading) that also
 * occur in one of `others`: what the server's per-chunk caches could serve from the warm-up.
 */
export function sharedChunkBytes(text, others) {
  // Headings split chunks as the server's scan does, closely enough to count what could be shared.
  const chunks = (t) => t.split(/\n(?=#)/);
  const seen = new Set(others.flatMap(chunks));
  return chunks(text)
    .filter((chunk) => seen.has(chunk))
    .reduce((sum, chunk) => sum + Buffer.byteLength(chunk), 0);
}
