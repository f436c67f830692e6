import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { checkDocument, fixAllSafe, type CheckFinding } from '../../../server/src/core/checks/document';
import { defaultCheckConfig } from '../../../server/src/core/checks/config';
import { safeFixEdits } from '../../../server/src/core/checks/fixes';
import { loadPrhDictionary } from '../../../server/src/core/checks/prh/load';
import type { CheckConfig } from '../../../server/src/core/checks/types';
import { LineIndex, comparePositions, type Position } from '../../../server/src/core/text/position';
import { fixturePath, readFixture } from './helpers';

const TOKENS = [
  'サ',
  'ー',
  'バ',
  'ポリシ',
  'データ',
  'ユーザ',
  'セキュリティ',
  'ア',
  'ウ',
  'ッ',
  'ン',
  'ュ',
  'タ',
  '｜',
  '|',
  '丨',
  '︱',
  '―',
  '—',
  '‐',
  '‑',
  '-',
  '－',
  '−',
  '–',
  '一',
  'ｰ',
  '覧',
  '斉',
  'つ',
  'ｻ',
  'ﾊﾞ',
  'ﾟ',
  'ﾞ',
  '｡',
  '､',
  '･',
  '｢',
  '｣',
  '「',
  '」',
  '『',
  '』',
  '（',
  '）',
  '(',
  ')',
  '【',
  '】',
  '0',
  '1',
  '３',
  '６',
  '.',
  '．',
  'SMS',
  'ＳＭＳ',
  '認証',
  'ショートメッセージ',
  'アカウント',
  '（ソーシャルメディアサービス）',
  ' ',
  '　',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '# ',
  '- ',
  '1) ',
  '```',
  '`',
  '~~~',
  '    ',
  '---',
  '<!--',
  '-->',
  '<!-- guideline-disable -->',
  '<!-- guideline-enable -->',
  '<!-- guideline-disable-next-line long-vowel-mark -->',
  'https://',
  'www.',
  '](',
  '<',
  '>',
  'の',
  'を',
  '管理',
  '端末',
  '外部委託',
  '𠮷',
  '\ud800',
  'サーバー',
  'サーバ',
];

const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((parts) => parts.join(''));

function prhConfig(): CheckConfig {
  const uri = fixturePath('prh', 'guideline.yml');
  const dir = uri.slice(0, uri.lastIndexOf('/') + 1);
  const { rules } = loadPrhDictionary(uri, readFileSync(uri, 'utf8'), (_from, rel) => {
    const path = dir + rel.replace(/^\.\//, '');
    return { uri: path, text: readFileSync(path, 'utf8') };
  });
  return { ...defaultCheckConfig(), prh: rules };
}

const CONFIGS: CheckConfig[] = [defaultCheckConfig(), prhConfig()];

function validPosition(index: LineIndex, p: Position): boolean {
  return p.line >= 0 && p.line < index.lineCount && p.character >= 0 && p.character <= index.lineText(p.line).length;
}

function assertWellFormed(text: string, findings: readonly CheckFinding[]): void {
  const index = new LineIndex(text);
  let previous: Position | undefined;
  for (const f of findings) {
    assert.ok(
      validPosition(index, f.range.start) && validPosition(index, f.range.end),
      `range inside: ${JSON.stringify(f.range)}`,
    );
    assert.ok(comparePositions(f.range.start, f.range.end) <= 0, 'start before end');
    if (previous) assert.ok(comparePositions(previous, f.range.start) <= 0, 'ordered');
    previous = f.range.start;
    for (const fix of f.fixes ?? []) {
      const spans = fix.edits
        .map((e) => [index.offsetAt(e.range.start), index.offsetAt(e.range.end)])
        .sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++)
        assert.ok(spans[i - 1][1] <= spans[i][0], 'edits of one fix do not overlap');
      for (const e of fix.edits) assert.ok(validPosition(index, e.range.start) && validPosition(index, e.range.end));
    }
  }
  const chosen = safeFixEdits(text, findings)
    .map((e) => [index.offsetAt(e.range.start), index.offsetAt(e.range.end)])
    .sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < chosen.length; i++) assert.ok(chosen[i - 1][1] <= chosen[i][0], 'fix-all edits do not overlap');
}

function checkAll(text: string, starts: number[], config: CheckConfig): void {
  assertWellFormed(text, checkDocument('u', text, config, 'ja'));
  assertWellFormed(text, checkDocument('u', text, config, 'en', { segmentStarts: starts }));
  const once = fixAllSafe('u', text, config).text;
  assert.equal(fixAllSafe('u', once, config).text, once, 'fix-all is idempotent');
}

type Mutation = { at: number; remove: number; insert: string };

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = m.at % (out.length + 1);
    out = out.slice(0, at) + m.insert + out.slice(at + m.remove);
  }
  return out;
}

describe('checks properties (fast-check)', () => {
  test('random token strings: no throw, ranges inside and ordered, fixes disjoint, fix-all idempotent', () => {
    fc.assert(
      fc.property(
        tokenText,
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.constantFrom(...CONFIGS),
        (text, starts, config) => {
          checkAll(
            text,
            starts.map((s) => s % (text.length + 1)),
            config,
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  test('arbitrary unicode strings never break the checks', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        checkAll(text, [Math.floor(text.length / 2)], CONFIGS[0]);
      }),
      { numRuns: 300 },
    );
  });

  for (const name of ['guideline-issues.md', 'guideline-clean.md']) {
    test(`random mutations of ${name} keep the properties`, () => {
      const base = readFixture(name);
      const mutation = fc.record({
        at: fc.nat(),
        remove: fc.nat({ max: 8 }),
        insert: fc.array(fc.constantFrom(...TOKENS), { maxLength: 4 }).map((p) => p.join('')),
      });
      fc.assert(
        fc.property(
          fc.array(mutation, { minLength: 1, maxLength: 6 }),
          fc.constantFrom(...CONFIGS),
          (mutations, config) => {
            const text = mutate(base, mutations);
            const starts = [...text.matchAll(/^#{1,6} /gm)].map((m) => m.index ?? 0);
            checkAll(text, starts, config);
          },
        ),
        { numRuns: 150 },
      );
    });
  }
});
