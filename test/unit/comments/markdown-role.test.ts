/** One decision for the server and the CLI: what a Markdown file is (core/comments/markdown-role.ts). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownRole } from '../../../server/src/core/comments/markdown-role';
import { markdownExportMarker } from '../../../server/src/core/comments/export-marker';
import { EXAMPLES, FIXTURES } from '../../support/paths';

describe('markdownRole', () => {
  test('a table naming 意見 and 考え方 columns is a round, in any wording', () => {
    assert.equal(
      markdownRole('| No. | 御意見の概要 | 御意見に対する考え方 |\n|---|---|---|\n| 1 | a | b |\n'),
      'comments',
    );
    assert.equal(
      markdownRole('# 結果\n\n| 番号 | 該当箇所 | 提出された意見 | 金融庁の考え方 |\n|---|---|---|---|\n'),
      'comments',
    );
    const layout = readFileSync(join(FIXTURES, 'comments/layouts/soumu-groups-restart.md'), 'utf8');
    assert.equal(markdownRole(layout), 'comments');
  });

  test('a guideline stays a guideline, its own tables too', () => {
    const guideline = readFileSync(join(EXAMPLES, 'guideline/security-policy-guideline.md'), 'utf8');
    assert.equal(markdownRole(guideline), 'guideline');
    // Only one of the pair: 意見 without 考え方 (a form to fill in) is not a round.
    assert.equal(markdownRole('| 番号 | 項目 | 意見 |\n|---|---|---|\n| 1 | 3.8.1 | |\n'), 'guideline');
    assert.equal(markdownRole('| 用語 | 説明 |\n|---|---|\n| 考え方 | 基本的な方針 |\n'), 'guideline');
    // A row further down a table is not its header.
    assert.equal(markdownRole('| 区分 | 内容 |\n|---|---|\n| 意見 | 考え方 |\n'), 'guideline');
  });

  test('a table this tool exported is neither', () => {
    const text = `${markdownExportMarker('結果')}\n\n| 番号 | 提出された意見 | 意見に対する考え方 |\n|---|---|---|\n`;
    assert.equal(markdownRole(text), 'export');
  });
});
