/** `guideline outline <file> [--json]`: the section tree. */
import { CLI_MESSAGES } from '../messages';
import { displayName, type GuidelineNode } from '../../core/model/node';
import { parseArgs } from '../args';
import { expandPaths, loadWorkspace, inputError } from '../workspace';
import type { CliContext } from '../context';

const OUTLINE_HELP = `Usage: guideline outline <file> [--json]

Prints the structure of a guideline: chapters, sections, parts (【趣旨】【例文】（解説）), items, notes, figures.
Options:
  --json    print the tree as JSON (kind, number, label, title, 0-based range, children)`;

interface OutlineJson {
  kind: string;
  number: string | null;
  label: string;
  title: string;
  range: GuidelineNode['range'];
  children: OutlineJson[];
}

function toJson(node: GuidelineNode): OutlineJson {
  return {
    kind: node.kind,
    number: node.number,
    label: node.label,
    title: node.title,
    range: node.range,
    children: node.children.map(toJson),
  };
}

export function outlineLines(node: GuidelineNode, depth = 0, out: string[] = []): string[] {
  for (const child of node.children) {
    out.push(`${'  '.repeat(depth)}${displayName(child)}  (${child.range.start.line + 1})`);
    outlineLines(child, depth + 1, out);
  }
  return out;
}

export async function runOutline(argv: readonly string[], ctx: CliContext): Promise<number> {
  const args = parseArgs(argv, { flags: ['json', 'help'] }, ctx.locale);
  if (args.flags.has('help')) {
    ctx.out(OUTLINE_HELP);
    return 0;
  }
  if (args.positionals.length !== 1) throw inputError(CLI_MESSAGES.needsOneFile, { command: 'outline' });
  const { documents } = await loadWorkspace(await expandPaths(args.positionals));
  for (const document of documents) {
    if (args.flags.has('json'))
      ctx.out(
        JSON.stringify(
          { path: args.positionals[0], title: document.root.title, children: document.root.children.map(toJson) },
          null,
          2,
        ),
      );
    else ctx.out(outlineLines(document.root).join('\n'));
  }
  return 0;
}
