/**
 * The import benchmark (issue 19): `guideline import` on a generated guideline PDF of 100 pages
 * (target ≤ 5 s, whole process). The PDF is printed once by Chromium from generated HTML (running
 * header, page numbers, a table of contents with dot leaders, chapters, sections, 【例文】 items,
 * tables, a two-column part) and cached in bench/tmp by the HTML's hash. Without Chromium the
 * measure is reported as not measured.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from './prng.mjs';
import { runTrials, round1 } from './trials.mjs';
import { commandTrial } from './competitors.mjs';

const PHRASES = [
  '情報システム管理者は、所管する情報システムについて、',
  '統括情報セキュリティ責任者は、',
  '職員等は、業務上必要のない情報を作成してはならず、',
  '機密性２以上の情報資産を外部に持ち出す場合には、',
  '情報セキュリティ管理者の許可を得た上で、',
  'アクセス記録を取得し、定期的に点検しなければならない。',
  '外部委託事業者との契約に当たっては、秘密保持義務を明記しなければならない。',
  '障害が発生した場合には、速やかに情報セキュリティ責任者に報告しなければならない。',
  '利用者ＩＤ及びパスワードを適切に管理し、',
  '暗号化等の必要な措置を講じなければならない。',
];

function sentence(random, min = 3, max = 7) {
  let s = '';
  const n = random.int(min, max);
  for (let i = 0; i < n; i++) s += random.pick(PHRASES);
  return s.replace(/、$/, '。');
}

/** HTML of a guideline that prints to about `pages` A4 pages. */
export function guidelineHtml(pages) {
  const random = createRandom(19);
  const body = [];
  const toc = [];
  let chapter = 0;
  // About 1.8 sections (with their parts, items and the odd table) fill an A4 page.
  for (let section = 0; section < Math.round(pages * 1.8); section++) {
    if (section % 12 === 0) {
      chapter++;
      body.push(`<h2 class="c">第${chapter}章 情報セキュリティ対策（その${chapter}）</h2>`);
      toc.push(
        `<p class="t"><span>第${chapter}章 情報セキュリティ対策（その${chapter}）</span><span class="d">${'…'.repeat(60)}</span><span>${Math.ceil(section / 1.8) + 2}</span></p>`,
      );
    }
    const number = `${chapter}.${(section % 12) + 1}`;
    body.push(`<h3>${number} 対策の項目${section + 1}</h3>`);
    toc.push(
      `<p class="t s"><span>${number} 対策の項目${section + 1}</span><span class="d">${'…'.repeat(60)}</span><span>${Math.ceil(section / 1.8) + 2}</span></p>`,
    );
    body.push('<p class="part">【趣旨】</p>', `<p>${sentence(random)}</p>`, '<p class="part">【例文】</p>');
    for (let item = 1; item <= random.int(1, 3); item++)
      body.push(`<p class="item">(${item}) ${sentence(random, 2, 4)}</p>`);
    if (section % 7 === 3) {
      body.push('<table><tr><th>区分</th><th>内容</th><th>担当</th></tr>');
      for (let r = 0; r < 4; r++)
        body.push(`<tr><td>区分${r + 1}</td><td>${sentence(random, 1, 2)}</td><td>情報政策課</td></tr>`);
      body.push('</table>', `<p class="cap">図表${section + 1} 対策の区分</p>`);
    }
    if (section % 9 === 5)
      body.push(`<div class="cols"><p>${sentence(random, 8, 12)}</p><p>${sentence(random, 8, 12)}</p></div>`);
    body.push('<p class="part">（解説）</p>', `<p>${sentence(random, 4, 9)}</p>`);
  }
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm; @top-right { content: "情報セキュリティ対策基準（ベンチマーク用）"; font-size: 8pt; } @bottom-center { content: "- " counter(page) " -"; font-size: 9pt; } }
body { font-family: 'Noto Sans CJK JP', sans-serif; font-size: 10.5pt; line-height: 1.6; }
h2 { font-size: 16pt; } h3 { font-size: 13pt; }
p { margin: 0 0 1mm; text-indent: 1em; text-align: justify; } p.part, p.cap, p.t { text-indent: 0; } p.item { text-indent: -1em; padding-left: 1em; }
p.t { display: flex; margin: 0; } p.t.s { padding-left: 1em; } p.t .d { flex: 1; overflow: hidden; white-space: nowrap; }
.cols { column-count: 2; column-gap: 8mm; } .toc { break-after: page; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; } td, th { border: 0.5pt solid #000; padding: 1.5mm 2mm; text-align: left; }
</style></head><body><div class="toc"><p class="t">目次</p>${toc.join('')}</div>${body.join('\n')}</body></html>`;
}

/** The cached PDF for about `pages` pages, or null when Chromium is not there. */
export function generatedPdf(tmpDir, pages, root) {
  const html = guidelineHtml(pages);
  const hash = createHash('sha256').update(html).digest('hex').slice(0, 12);
  mkdirSync(tmpDir, { recursive: true });
  const htmlPath = join(tmpDir, `import-${pages}-${hash}.html`);
  const pdfPath = htmlPath.replace(/\.html$/, '.pdf');
  if (existsSync(pdfPath)) return pdfPath;
  writeFileSync(htmlPath, html);
  try {
    execFileSync(process.execPath, [join(root, 'scripts', 'html-to-pdf.mjs'), htmlPath], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return existsSync(pdfPath) ? pdfPath : null;
}

/** `guideline import` on the generated PDF, whole process; pages and notes from its --json. */
export async function measureImport({ cli, tmpDir, root, pages, trials, log }) {
  const pdf = generatedPdf(tmpDir, pages, root);
  if (!pdf) {
    log('import: Chromium is not available; the import benchmark is not measured');
    return null;
  }
  const json = JSON.parse(
    execFileSync(process.execPath, [cli, 'import', pdf, '--json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }),
  );
  const result = await runTrials(commandTrial([cli, 'import', pdf, '--json'], { cwd: root }), trials);
  const measured = {
    pages: json.pages,
    markdownBytes: Buffer.byteLength(json.markdown),
    headings: (json.markdown.match(/^#{1,6} /gm) ?? []).length,
    tables: (json.markdown.match(/^\|---/gm) ?? []).length,
    notes: json.issues.length,
    importMs: round1(result.median),
    samples: result.samples.map(round1),
  };
  log(
    `import: ${measured.pages} pages in ${measured.importMs} ms (${measured.samples.join(', ')}); ${measured.headings} headings, ${measured.tables} tables, ${measured.notes} notes`,
  );
  return measured;
}
