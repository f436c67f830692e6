/**
 * The 例文 snippets the extension contributes (snippets/reibun.code-snippets), read once by the
 * server so that it can offer them as completion that continues the surrounding numbering. The file
 * sits next to dist/ in the extension and in the repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSnippets, type ReibunSnippet } from '../core/workspace/reibun-completion';

export function loadReibunSnippets(path = join(__dirname, '..', 'snippets', 'reibun.code-snippets')): ReibunSnippet[] {
  try {
    return parseSnippets(readFileSync(path, 'utf8'));
  } catch {
    // Without the file the server still works; the editor's own snippets remain.
    return [];
  }
}
