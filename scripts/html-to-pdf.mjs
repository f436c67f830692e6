// Prints HTML files to PDF with headless Chromium (Debian's `chromium`, with fonts-noto-cjk for
// Japanese glyphs): how the test PDFs under test/fixtures are made. The PDFs are committed, so
// the tests themselves need no browser; run this again after changing an .html source.
//   node scripts/html-to-pdf.mjs test/fixtures/pdf/sample.html [more.html …]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const chromium = process.env.CHROMIUM ?? 'chromium';
for (const html of process.argv.slice(2)) {
  const pdf = html.replace(/\.html?$/, '.pdf');
  const profile = mkdtempSync(join(tmpdir(), 'guideline-pdf-'));
  try {
    execFileSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--no-pdf-header-footer',
        `--user-data-dir=${profile}`,
        `--print-to-pdf=${pdf}`,
        html,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(`${html} → ${pdf}`);
}
