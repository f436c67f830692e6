#!/usr/bin/env node
/**
 * Writes the tables of the 公用文 rules into docs/rules.md (between the official-rules markers)
 * from the tested cases (test/unit/checks/official/cases.ts) and the rule descriptors, so that the
 * documentation shows exactly what the tests check. Run after changing a rule or its cases:
 * `node scripts/gen-official-docs.mjs`. test/unit/checks/official/docs.test.ts fails when stale.
 */
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(mkdtempSync(join(tmpdir(), 'official-docs-')), 'entry.mjs');
await build({
  stdin: {
    contents:
      "export { CASES } from './test/unit/checks/official/cases';\nexport { RULE_DESCRIPTORS } from './server/src/core/checks/config';\nexport { SOURCES } from './server/src/core/checks/rules/official/sources';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: out,
  logLevel: 'error',
});
const { CASES, RULE_DESCRIPTORS, SOURCES } = await import(out);

const cell = (text) => '`' + text.replace(/\n/g, '↵').replace(/\|/g, '\\|').replace(/`/g, "'") + '`';

function section(lang) {
  const lines = [];
  for (const rule of CASES) {
    const d = RULE_DESCRIPTORS.find((x) => x.code === rule.code);
    lines.push(`#### \`${d.code}\`${lang === 'ja' ? '：' : ': '}${d.title[lang]}`, '');
    lines.push(`${lang === 'ja' ? '**由来**' : '**Source**'}: ${SOURCES[d.code][lang]}`, '');
    lines.push(d.description[lang], '');
    lines.push(
      lang === 'ja'
        ? `既定：${d.defaultOff ? `off（\`${d.defaultSeverity}\` などを設定すると有効。形態素解析の辞書を読み込みます）` : d.defaultSeverity}。修正：${d.fixable ? 'あり' : 'なし'}。`
        : `Default: ${d.defaultOff ? `off (set \`${d.defaultSeverity}\` or another severity to enable it; loads the morphological dictionary)` : d.defaultSeverity}. Fix: ${d.fixable ? 'yes' : 'none'}.`,
      '',
    );
    lines.push(
      lang === 'ja'
        ? '| 捕捉する | 安全な修正の後 | 見逃す（正しい表記） |'
        : '| catches | after the safe fixes | leaves alone |',
      '|---|---|---|',
    );
    const n = Math.max(rule.catches.length, rule.leaves.length);
    for (let i = 0; i < n; i++) {
      const c = rule.catches[i];
      const l = rule.leaves[i];
      const morph = c && rule.morph?.includes(c[0]) ? (lang === 'ja' ? '（形態素解析）' : ' (morphological)') : '';
      lines.push(
        `| ${c ? cell(c[0]) + morph : ''} | ${c ? (c[2] === c[0] ? '—' : cell(c[2])) : ''} | ${l ? cell(l) : ''} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

const path = join(root, 'docs/rules.md');
let doc = readFileSync(path, 'utf8');
for (const lang of ['ja', 'en']) {
  const start = `<!-- official-rules:${lang}:start -->`;
  const end = `<!-- official-rules:${lang}:end -->`;
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a < 0 || b < 0) throw new Error(`markers ${start} … ${end} missing in docs/rules.md`);
  doc = doc.slice(0, a + start.length) + '\n\n' + section(lang) + '\n' + doc.slice(b);
}
if (process.argv.includes('--check')) {
  if (doc !== readFileSync(path, 'utf8')) {
    console.error('docs/rules.md is stale: run node scripts/gen-official-docs.mjs');
    process.exit(1);
  }
} else writeFileSync(path, doc);
