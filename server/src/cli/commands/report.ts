/**
 * `guideline report <folder>`: the main job on a workspace, for people: each guideline's outline,
 * then every finding. What `npm start` runs on examples/.
 */
import { relative } from 'node:path';
import { guidelineFindings } from '../../core/workspace/document-findings';
import { parseArgs } from '../args';
import { expandPaths, loadGuidelines, InputError } from '../workspace';
import type { CliContext } from '../context';
import { outlineLines } from './outline';
import { formatFinding } from './check';

export const REPORT_HELP = `Usage: guideline report <folder>

Prints, for every guideline in the folder, its outline and its findings.`;

export async function runReport(argv: readonly string[], ctx: CliContext): Promise<number> {
  const args = parseArgs(argv, { flags: ['help'] });
  if (args.flags.has('help')) {
    ctx.out(REPORT_HELP);
    return 0;
  }
  if (args.positionals.length === 0) throw new InputError('report needs a folder (see guideline report --help)');
  const { index, documents } = await loadGuidelines(await expandPaths(args.positionals));
  for (const document of documents) {
    const path = relative(ctx.cwd, document.uri) || document.uri;
    ctx.out(`== ${path}: ${document.root.title}`);
    ctx.out(outlineLines(document.root).join('\n'));
    const findings = guidelineFindings(document, index, { locale: ctx.locale, rules: ctx.rules });
    ctx.out(`\n-- ${path}: ${findings.length} findings`);
    for (const finding of findings) ctx.out(formatFinding(path, finding));
    ctx.out('');
  }
  return 0;
}
