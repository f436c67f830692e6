/** Writes one generated workspace (a guideline and its comment document) per scale under bench/tmp/. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateComments, generateGuideline } from './generate.mjs';

export function prepareWorkspace(tmpDir, name, scale) {
  const workspace = join(tmpDir, name);
  // Only these two files: anything else in the folder would be read by the server as well.
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(workspace, { recursive: true });
  const guideline = generateGuideline(scale);
  const comments = generateComments(guideline, scale);
  const file = join(workspace, 'guideline.md');
  writeFileSync(file, guideline.text);
  writeFileSync(join(workspace, 'comments.txt'), comments.text);
  const commentedUnits = comments.commentedUnits.length > 0 ? comments.commentedUnits : guideline.units.slice(0, 1);
  return {
    workspace,
    file,
    text: guideline.text,
    bytes: Buffer.byteLength(guideline.text),
    units: guideline.units,
    commentedUnits,
    records: comments.records,
    plantedMistakes: guideline.mistakes,
  };
}
