/** A small, strict argument parser: unknown options are usage errors, never silently ignored. */
export class UsageError extends Error {}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Set<string>;
  readonly values: Map<string, string>;
}

export function parseArgs(
  argv: readonly string[],
  spec: { flags?: readonly string[]; values?: readonly string[] },
): ParsedArgs {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (spec.flags?.includes(name) && inline === undefined) flags.add(name);
      else if (spec.values?.includes(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        values.set(name, value);
      } else throw new UsageError(`unknown option: ${arg}`);
    } else positionals.push(arg);
  }
  return { positionals, flags, values };
}
