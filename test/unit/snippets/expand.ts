/**
 * VS Code snippet bodies: a strict parser and an expansion into the plain text a user gets when
 * accepting every default (first option of a choice, default text of a placeholder, mirrors filled
 * with their tab stop's value). The expansion lets notation checks run over what snippets insert.
 *
 * Syntax (https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar):
 *   $1  ${1}  ${1:default}  ${1|one,two|}  $VAR  ${VAR}  ${VAR:default}
 * Stricter than VS Code, which reads malformed syntax as literal text: an unescaped `$` that opens
 * nothing, a stray `}` and an unclosed `${` are errors here, because in a snippet file they are
 * always typing mistakes. Transforms (`${1/re/fmt/}`) are reported as unsupported.
 */

export interface SnippetError {
  readonly message: string;
  /** Offset in the body (lines joined with `\n`). */
  readonly offset: number;
  /** 0-based line and character of `offset`. */
  readonly line: number;
  readonly character: number;
}

export type SnippetNode =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'tabstop'; readonly index: number; readonly offset: number }
  | {
      readonly kind: 'placeholder';
      readonly index: number;
      readonly children: readonly SnippetNode[];
      readonly offset: number;
    }
  | { readonly kind: 'choice'; readonly index: number; readonly options: readonly string[]; readonly offset: number }
  | {
      readonly kind: 'variable';
      readonly name: string;
      readonly children: readonly SnippetNode[] | undefined;
      readonly offset: number;
    };

export type SnippetResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SnippetError };

export interface Expansion {
  readonly text: string;
  /** Tab stop numbers in ascending order, `0` included when present. */
  readonly tabStops: readonly number[];
}

export interface ExpandOptions {
  /** Values of snippet variables; an unknown variable expands to its default, else its name (as in VS Code). */
  readonly variables?: Readonly<Record<string, string>>;
}

/** A snippet body as stored in a snippets file: a string or its lines. */
export function joinBody(body: string | readonly string[]): string {
  return typeof body === 'string' ? body : body.join('\n');
}

class ParseFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

  parseBody(): SnippetNode[] {
    return this.parseSequence(false);
  }

  /** Nodes up to the end of input, or up to (not including) the `}` that closes a `${`. */
  private parseSequence(insideBraces: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === '\\') {
        const next = this.src[this.pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += ch;
          this.pos += 1;
        }
      } else if (ch === '$') {
        flush();
        nodes.push(this.parseDollar());
      } else if (ch === '}') {
        if (insideBraces) break;
        throw new ParseFailure('unmatched "}" (escape a literal one as \\})', this.pos);
      } else {
        text += ch;
        this.pos += 1;
      }
    }
    flush();
    return nodes;
  }

  private parseDollar(): SnippetNode {
    const start = this.pos;
    this.pos += 1; // $
    const digits = this.match(/[0-9]+/y);
    if (digits !== undefined) return { kind: 'tabstop', index: Number(digits), offset: start };
    const name = this.match(/[_a-zA-Z][_a-zA-Z0-9]*/y);
    if (name !== undefined) return { kind: 'variable', name, children: undefined, offset: start };
    if (this.src[this.pos] !== '{') {
      throw new ParseFailure('"$" starts neither a tab stop nor a variable (escape a literal one as \\$)', start);
    }
    this.pos += 1; // {
    const index = this.match(/[0-9]+/y);
    if (index !== undefined) return this.parseTabStopBody(Number(index), start);
    const variable = this.match(/[_a-zA-Z][_a-zA-Z0-9]*/y);
    if (variable !== undefined) return this.parseVariableBody(variable, start);
    throw new ParseFailure('"${" must be followed by a tab stop number or a variable name', start);
  }

  private parseTabStopBody(index: number, start: number): SnippetNode {
    const ch = this.src[this.pos];
    if (ch === '}') {
      this.pos += 1;
      return { kind: 'tabstop', index, offset: start };
    }
    if (ch === ':') {
      this.pos += 1;
      const children = this.parseSequence(true);
      this.expectClose(start);
      return { kind: 'placeholder', index, children, offset: start };
    }
    if (ch === '|') {
      this.pos += 1;
      const options = this.parseChoiceOptions(start);
      return { kind: 'choice', index, options, offset: start };
    }
    if (ch === '/') throw new ParseFailure(`transforms are not supported (tab stop ${index})`, start);
    if (ch === undefined) throw new ParseFailure('unclosed "${"', start);
    throw new ParseFailure(`unexpected "${ch}" after "\${${index}"`, this.pos);
  }

  private parseVariableBody(name: string, start: number): SnippetNode {
    const ch = this.src[this.pos];
    if (ch === '}') {
      this.pos += 1;
      return { kind: 'variable', name, children: undefined, offset: start };
    }
    if (ch === ':') {
      this.pos += 1;
      const children = this.parseSequence(true);
      this.expectClose(start);
      return { kind: 'variable', name, children, offset: start };
    }
    if (ch === '/') throw new ParseFailure(`transforms are not supported (variable ${name})`, start);
    if (ch === undefined) throw new ParseFailure('unclosed "${"', start);
    throw new ParseFailure(`unexpected "${ch}" after "\${${name}"`, this.pos);
  }

  /** Options of `${n|a,b|}` after the first `|`, consuming the closing `|}`. */
  private parseChoiceOptions(start: number): string[] {
    const options: string[] = [];
    let current = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === '\\') {
        const next = this.src[this.pos + 1];
        if (next === ',' || next === '|' || next === '\\' || next === '$' || next === '}') {
          current += next;
          this.pos += 2;
          continue;
        }
        current += ch;
        this.pos += 1;
      } else if (ch === ',' || ch === '|') {
        if (current === '') throw new ParseFailure('empty choice option', this.pos);
        options.push(current);
        current = '';
        this.pos += 1;
        if (ch === '|') {
          if (this.src[this.pos] !== '}') throw new ParseFailure('a choice must end with "|}"', this.pos);
          this.pos += 1;
          return options;
        }
      } else if (ch === '\n') {
        throw new ParseFailure('a choice option cannot span lines', this.pos);
      } else {
        current += ch;
        this.pos += 1;
      }
    }
    throw new ParseFailure('unclosed choice "${n|…|}"', start);
  }

  private expectClose(start: number): void {
    if (this.src[this.pos] !== '}') throw new ParseFailure('unclosed "${"', start);
    this.pos += 1;
  }

  private match(re: RegExp): string | undefined {
    re.lastIndex = this.pos;
    const m = re.exec(this.src);
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }
}

function locate(src: string, offset: number, message: string): SnippetError {
  const before = src.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - (before.lastIndexOf('\n') + 1);
  return { message, offset, line, character };
}

export function parseSnippet(body: string | readonly string[]): SnippetResult<SnippetNode[]> {
  const src = joinBody(body);
  try {
    return { ok: true, value: new Parser(src).parseBody() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: locate(src, e.offset, e.message) };
    throw e;
  }
}

/** Each tab stop's defining nodes (placeholders and choices), in document order, nested ones included. */
export function tabStopDefinitions(nodes: readonly SnippetNode[]): Map<number, SnippetNode[]> {
  const defs = new Map<number, SnippetNode[]>();
  const visit = (list: readonly SnippetNode[]): void => {
    for (const node of list) {
      if (node.kind === 'placeholder' || node.kind === 'choice') {
        defs.set(node.index, [...(defs.get(node.index) ?? []), node]);
      }
      if (node.kind === 'placeholder') visit(node.children);
      if (node.kind === 'variable' && node.children) visit(node.children);
    }
  };
  visit(nodes);
  return defs;
}

/** Every tab stop number used, in ascending order. */
export function tabStopNumbers(nodes: readonly SnippetNode[]): number[] {
  const seen = new Set<number>();
  const visit = (list: readonly SnippetNode[]): void => {
    for (const node of list) {
      if (node.kind === 'tabstop' || node.kind === 'placeholder' || node.kind === 'choice') seen.add(node.index);
      if (node.kind === 'placeholder') visit(node.children);
      if (node.kind === 'variable' && node.children) visit(node.children);
    }
  };
  visit(nodes);
  return [...seen].sort((a, b) => a - b);
}

function render(
  nodes: readonly SnippetNode[],
  valueOf: (index: number) => string,
  variables: Readonly<Record<string, string>>,
): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += node.value;
        break;
      case 'tabstop':
      case 'placeholder':
      case 'choice':
        out += valueOf(node.index);
        break;
      case 'variable': {
        const value = variables[node.name];
        if (value !== undefined) out += value;
        else if (node.children) out += render(node.children, valueOf, variables);
        else out += node.name;
        break;
      }
    }
  }
  return out;
}

/**
 * The text inserted when every default is accepted. A tab stop takes the value of its first
 * definition (placeholder default or first choice) everywhere it appears, as VS Code mirrors it;
 * a tab stop without any definition is empty.
 */
export function expandSnippet(body: string | readonly string[], options: ExpandOptions = {}): SnippetResult<Expansion> {
  const parsed = parseSnippet(body);
  if (!parsed.ok) return parsed;
  const nodes = parsed.value;
  const variables = options.variables ?? {};
  const defs = tabStopDefinitions(nodes);
  const values = new Map<number, string>();
  const resolving = new Set<number>();
  const valueOf = (index: number): string => {
    const known = values.get(index);
    if (known !== undefined) return known;
    const def = defs.get(index)?.[0];
    // A placeholder that contains its own tab stop would recurse forever; it is empty inside itself.
    if (!def || resolving.has(index)) return '';
    resolving.add(index);
    const value =
      def.kind === 'choice' ? def.options[0] : def.kind === 'placeholder' ? render(def.children, valueOf, variables) : '';
    resolving.delete(index);
    values.set(index, value);
    return value;
  };
  return { ok: true, value: { text: render(nodes, valueOf, variables), tabStops: tabStopNumbers(nodes) } };
}
