/**
 * Every match of a global pattern, as `String.prototype.matchAll` gives them, without what matchAll
 * costs on each call: a copy of the pattern and an iterator. The 公用文 rules run some fifty patterns
 * over every chunk of a document, so in a fresh process (a CLI run, the server's first open) those
 * copies were a visible part of the checks.
 */
export function execAll(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new Error(`execAll needs a global pattern: ${pattern}`);
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    found.push(m);
    // An empty match would be found again at the same place: step over one character (a whole
    // surrogate pair in a Unicode pattern), as matchAll does.
    if (m[0] === '')
      pattern.lastIndex = advance(text, pattern.lastIndex, pattern.unicode || pattern.flags.includes('v'));
  }
  pattern.lastIndex = 0;
  return found;
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff ? index + 2 : index + 1;
}
