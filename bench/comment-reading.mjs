/**
 * Reading a published comment result: a generated result PDF of `pages` pages (printed from HTML by
 * Chromium, cached in bench/tmp) beside the same records as published text, each read whole-process
 * by `guideline comments --json`. Both must give the same number of records.
 *   node bench/comment-reading.mjs [pages]   (standalone; run.mjs calls measureCommentReading)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandTrial } from './competitors.mjs';
import { createRandom } from './prng.mjs';
import { round1, runTrials } from './trials.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
/** Records per A4 page in the generated layout (measured with pdfinfo: 600 records fill 64 pages). */
const RECORDS_PER_PAGE = 9.4;

const OPINIONS = [
  '外部委託事業者の選定に当たっては、委託内容に応じた情報セキュリティ対策が確保されることを確認する手順を具体的に示していただきたい。',
  'パスワードの定期的な変更を求める記述は、最新の考え方と整合しないのではないか。多要素認証を導入している場合の扱いを明記すべき。',
  '管理区域への入退室の記録について、保存期間と確認の頻度を示していただきたい。監査の際に必要となるため。',
  'クラウドサービスの利用に関する考慮事項に、データの保管場所の確認方法を加えるべきである。',
];
const RESPONSES = [
  '御指摘を踏まえ、（解説）に具体的な手順を追記いたします。',
  '各団体の実情に応じて定めるものであり、原案のとおりとします。',
  '御意見の趣旨は、（解説）に記載しております。',
  '今後の検討の参考とさせていただきます。',
];
const SECTIONS = ['3.4.1 （解説）', '3.5.4', '3.6.2 【例文】（1）', '3.8.1 （解説）（2）⑬（注7）', '全般'];

function records(count) {
  const random = createRandom(20251219);
  const pick = random.pick;
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    location: pick(SECTIONS),
    submitter: pick(['個人', '法人', '地方公共団体']),
    opinion: pick(OPINIONS) + (random.next() < 0.5 ? pick(OPINIONS) : ''),
    response: pick(RESPONSES),
  }));
}

const TITLE = '「情報セキュリティポリシーに関するガイドライン（案）」に対する意見及びそれに対する考え方';
const HEADERS = ['番号', '該当箇所', '提出者', '提出された意見', '意見に対する考え方'];

function html(rows) {
  const cell = (t) => `<td>${t}</td>`;
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 15mm; } body { font-family: 'Noto Sans CJK JP', sans-serif; font-size: 9.5pt; line-height: 1.5; }
table { border-collapse: collapse; width: 100%; } th, td { border: 0.75pt solid #000; padding: 3pt; vertical-align: top; }
thead { display: table-header-group; }
</style></head><body><p>資料６</p><h1 style="font-size:12pt">${TITLE}</h1>
<p>意見募集期間：令和７年10月31日～11月21日</p>
<table><colgroup><col style="width:6%"><col style="width:15%"><col style="width:10%"><col style="width:39%"><col style="width:30%"></colgroup>
<thead><tr>${HEADERS.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>
${rows.map((r) => `<tr>${[r.number, r.location, r.submitter, r.opinion, r.response].map(cell).join('')}</tr>`).join('\n')}
</tbody></table></body></html>\n`;
}

/** The same records in the extracted-text layout of the 2015 seed (see core/comments/formats/published-text.ts). */
function publishedText(rows) {
  const out = [TITLE, '', HEADERS.join(' '), ''];
  for (const r of rows) out.push(`${r.number} ${r.location}`, r.submitter, r.opinion, '', r.response, '');
  return out.join('\n');
}

/** The generated files, or null when Chromium is not installed (the PDF cannot be made). */
export function prepareCommentResult(tmp, pages) {
  const rows = records(Math.round(pages * RECORDS_PER_PAGE));
  // The PDF is cached: its folder names what it holds.
  const dir = join(tmp, `comment-result-${rows.length}-records`);
  mkdirSync(dir, { recursive: true });
  const text = join(dir, 'result.txt');
  writeFileSync(text, publishedText(rows));
  const pdf = join(dir, 'result.pdf');
  if (!existsSync(pdf)) {
    writeFileSync(join(dir, 'result.html'), html(rows));
    try {
      execFileSync(process.execPath, [join(ROOT, 'scripts/html-to-pdf.mjs'), join(dir, 'result.html')], {
        stdio: 'ignore',
      });
    } catch {
      return null;
    }
  }
  return { pdf, text, records: rows.length, printedPages: pageCount(readFileSync(pdf)) };
}

/** Pages of a PDF as Chromium writes it (one `/Type /Page` object per page). */
function pageCount(bytes) {
  return bytes.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

function countRecords(cli, file) {
  const out = execFileSync(process.execPath, [cli, 'comments', '--json', file], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out).comments.length;
}

export async function measureCommentReading({ cli, tmp, pages, trials }) {
  const files = prepareCommentResult(tmp, pages);
  if (!files) return null;
  const pdfRecords = countRecords(cli, files.pdf);
  const textRecords = countRecords(cli, files.text);
  const pdf = await runTrials(commandTrial([cli, 'comments', '--json', files.pdf], { cwd: ROOT }), trials);
  const text = await runTrials(commandTrial([cli, 'comments', '--json', files.text], { cwd: ROOT }), trials);
  return {
    pages: files.printedPages,
    records: files.records,
    pdfRecords,
    textRecords,
    pdfMs: round1(pdf.median),
    pdfSamples: pdf.samples.map(round1),
    textMs: round1(text.median),
    textSamples: text.samples.map(round1),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pages = Number(process.argv[2] ?? 100);
  const result = await measureCommentReading({
    cli: join(ROOT, 'dist', 'cli.js'),
    tmp: join(BENCH, 'tmp'),
    pages,
    trials: { warmup: 1, min: 3, max: 5 },
  });
  console.log(JSON.stringify(result, null, 2));
}
