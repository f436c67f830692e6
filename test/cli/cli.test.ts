import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXAMPLES, REPO_ROOT } from '../support/paths';
import iconv from 'iconv-lite';

const CLI = resolve(REPO_ROOT, 'dist/cli.js');

function run(args: string[], cwd = REPO_ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'ja_JP.UTF-8' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'guideline-cli-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('guideline CLI', () => {
  test('--version prints the package version', () => {
    const { code, stdout } = run(['--version']);
    assert.equal(code, 0);
    assert.match(stdout.trim(), /^\d+\.\d+\.\d+$/);
  });

  test('--help on the tool and on every command', () => {
    assert.match(run(['--help']).stdout, /Commands:/);
    for (const command of ['check', 'outline', 'report', 'lsp']) {
      const { code, stdout } = run([command, '--help']);
      assert.equal(code, 0, command);
      assert.match(stdout, new RegExp(`Usage: guideline ${command}`), command);
    }
  });

  test('check: file:line:col severity code message, exit 1 on warnings', () => {
    const { code, stdout } = run(['check', 'examples']);
    assert.equal(code, 1);
    assert.match(
      stdout,
      /^examples\/guideline\/security-policy-guideline\.md:\d+:\d+ warning xref-title-mismatch 「3\.6\.1」の見出しは/m,
    );
  });

  test('check: exit 0 when clean', () => {
    const path = tempFile(
      'clean.md',
      '### 3.1 組織体制\n\n(1) 最高情報セキュリティ責任者\n\n(2) 統括情報セキュリティ責任者\n',
    );
    const { code, stdout } = run(['check', path]);
    assert.equal(code, 0);
    assert.equal(stdout, '');
  });

  test('check --json: LSP diagnostics with 0-based ranges and a code on each', () => {
    const { code, stdout } = run(['check', '--json', 'examples']);
    assert.equal(code, 1);
    const json = JSON.parse(stdout) as {
      files: Array<{
        path: string;
        diagnostics: Array<{ code: string; range: { start: { line: number } }; severity: number; message: string }>;
      }>;
    };
    const file = json.files.find((f) => f.path.endsWith('security-policy-guideline.md'))!;
    const mismatch = file.diagnostics.find((d) => d.code === 'xref-title-mismatch')!;
    const human = run(['check', 'examples'])
      .stdout.split('\n')
      .find((l) => l.startsWith(file.path) && l.includes('xref-title-mismatch'))!;
    assert.equal(Number(human.split(':')[1]), mismatch.range.start.line + 1);
    for (const d of file.diagnostics) assert.ok(typeof d.code === 'string' && d.code.length > 0);
  });

  test('usage and I/O errors exit 2 with a clear message', () => {
    const missing = run(['check', 'no/such/place.md']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no\/such\/place\.md: ファイルもフォルダもありません/);
    assert.equal(run(['check']).code, 2);
    const unknown = run(['check', '--frobnicate', 'examples']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /不明なオプションです: --frobnicate/);
    assert.match(run(['--lang', 'en', 'check', '--frobnicate', 'examples']).stderr, /unknown option: --frobnicate/);
    assert.equal(run(['frobnicate']).code, 2);
    assert.equal(run(['lsp']).code, 2);
  });

  test('parseArgs: a missing value, a value given to a flag and an unknown global are usage errors (exit 2)', () => {
    const cases: Array<[string[], RegExp]> = [
      [['check', 'examples', '--lang'], /--lang には値が必要です/],
      [['--config'], /--config には値が必要です/],
      [['comments', 'examples/comments/pubcomment-2015.txt', '--table'], /--table には値が必要です/],
      [['check', '--json=yes', 'examples'], /--json は値をとりません/],
      [
        ['comments', '--table', 'pdf', 'examples/comments/pubcomment-2015.txt'],
        /--table には md・csv・csv-sjis・xlsx・docx のいずれか/,
      ],
      [['lsp', '--tcp'], /不明なオプションです: --tcp/],
    ];
    for (const [args, message] of cases) {
      const result = run(args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message, args.join(' '));
    }
    // Options may stand before or after the command, with = or a space.
    assert.equal(run(['check', 'examples', '--lang=en', '--json']).code, 1);
    assert.match(run(['check', '--lang', 'en', 'examples']).stdout, /does not exist/);
  });

  test('outline prints the tree; --json gives kinds, numbers and ranges', () => {
    const file = join(EXAMPLES, 'guideline/security-policy-guideline.md');
    const text = run(['outline', file]).stdout;
    assert.match(text, /^ {4}3\.6 技術的セキュリティ {2}\(\d+\)$/m);
    assert.match(text, /^ {6}3\.6\.2 アクセス制御 {2}\(\d+\)$/m);
    interface OutlineNode {
      kind: string;
      number: string | null;
      children: OutlineNode[];
    }
    const json = JSON.parse(run(['outline', '--json', file]).stdout) as { children: OutlineNode[] };
    const chapters = json.children
      .flatMap((c): OutlineNode[] => (c.kind === 'chapter' ? [c] : c.children))
      .filter((c) => c.kind === 'chapter');
    assert.deepEqual(
      chapters.map((c) => c.number),
      ['1', '2', '3'],
    );
  });

  test('--lang en switches messages to English', () => {
    const { stdout } = run(['--lang', 'en', 'check', 'examples']);
    assert.match(stdout, /warning xref-unknown-section Section 3\.10\.2 does not exist\./);
  });

  test('comments --json: the 27 records of the seed with normalised locations and dispositions', () => {
    const { code, stdout } = run(['comments', '--json', 'examples/comments/pubcomment-2015.txt']);
    assert.equal(code, 0);
    const json = JSON.parse(stdout) as {
      comments: Array<{
        number: number;
        location: { raw: string; section: string; part: string | null; items: string[]; page: number } | null;
        submitter: string;
        disposition: string;
      }>;
    };
    assert.equal(json.comments.length, 27);
    const first = json.comments[0];
    assert.deepEqual(
      { ...first.location, raw: undefined },
      { raw: undefined, section: '3.8.1', part: '解説', items: ['(2)', '⑬', '(注7)'], page: 107 },
    );
    assert.equal(first.submitter, '個人');
    assert.deepEqual(
      json.comments.filter((c) => c.disposition === 'accepted').map((c) => c.number),
      [6, 8, 9, 25, 27],
    );
    assert.deepEqual(
      json.comments.filter((c) => c.location === null).map((c) => c.number),
      [5, 10, 11],
    );
  });

  test('comments --yaml round-trips through the YAML store', () => {
    const yaml = run(['comments', '--yaml', 'examples/comments/pubcomment-2015.txt']).stdout;
    const path = tempFile('round.yaml', yaml);
    const original = JSON.parse(run(['comments', '--json', 'examples/comments/pubcomment-2015.txt']).stdout);
    const again = JSON.parse(run(['comments', '--json', path]).stdout);
    assert.deepEqual(again.comments, original.comments);
  });

  test('comments --csv and --table md|csv', () => {
    const csv = run(['comments', '--csv', 'examples/comments/pubcomment-2015.txt']).stdout;
    assert.ok(csv.startsWith('\uFEFF'), 'BOM for Excel');
    assert.match(csv, /番号,該当箇所,提出者,提出された意見,意見に対する考え方,対応,備考/);
    const table = run([
      'comments',
      '--table',
      'md',
      '--order',
      'section',
      'examples/comments/pubcomment-2015.txt',
    ]).stdout;
    assert.match(
      table,
      /^\| 番号 \| 該当箇所 \| 提出者 \| 提出された意見 \| 意見に対する考え方 \| 対応 \| 対応状況 \|$/m,
    );
    assert.equal(run(['comments', '--table', 'pdf', 'examples/comments/pubcomment-2015.txt']).code, 2);
  });

  test('comments --table docx|xlsx --out: the published table as a file, never replaced without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-export-'));
    const docx = join(dir, '意見及びそれに対する考え方.docx');
    assert.equal(run(['comments', '--table', 'docx', 'examples/comments/pubcomment-2015.txt']).code, 2, 'needs --out');
    assert.equal(run(['comments', '--table', 'docx', '--out', docx, 'examples/comments/pubcomment-2015.txt']).code, 0);
    assert.equal(readFileSync(docx).subarray(0, 2).toString(), 'PK');
    const again = run(['comments', '--table', 'docx', '--out', docx, 'examples/comments/pubcomment-2015.txt']);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists|すでにあります/);
    const xlsx = join(dir, 'table.xlsx');
    assert.equal(run(['comments', '--table', 'xlsx', '--out', xlsx, 'examples/comments/pubcomment-2015.txt']).code, 0);
    // A CSV table written next to the rounds is not read back as a round by check or links.
    const csv = run(['comments', '--table', 'csv', 'examples/comments/pubcomment-2015.txt']).stdout;
    assert.ok(csv.startsWith('\uFEFFguideline-tools:export '));
  });

  test('comments on a file that is not a comment document: exit 2 with the reason', () => {
    const result = run(['comments', 'examples/guideline/security-policy-guideline.md']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /意見の文書として読めません。見つかった見出し候補: 「第1章 総則」/);
  });

  test('comments --json on a published PDF: groups, ids restarting per group, partial, period', () => {
    const { code, stdout } = run(['comments', '--json', 'test/fixtures/comments/layouts/soumu-groups-restart.pdf']);
    assert.equal(code, 0);
    const json = JSON.parse(stdout) as {
      period: { from: string; to: string } | null;
      comments: Array<{ id: string; number: number; group: string | null; partial: boolean; disposition: string }>;
    };
    assert.deepEqual(json.period && { from: json.period.from, to: json.period.to }, {
      from: '2025-08-01',
      to: '2025-08-31',
    });
    assert.deepEqual(
      json.comments.map((c) => c.id),
      ['Ⅰ-1', 'Ⅰ-2', 'Ⅰ-3', 'Ⅱ-1', 'Ⅱ-2', 'Ⅱ-3', 'Ⅲ-1', 'Ⅲ-2'],
    );
    assert.equal(json.comments[3].group, 'Ⅱ．原案のとおりとするもの');
    assert.deepEqual(
      json.comments.filter((c) => c.partial).map((c) => c.id),
      ['Ⅰ-3'],
    );
  });

  test('comments --json on xlsx with a merged response: sharedResponse', () => {
    const { code, stdout } = run(['comments', '--json', 'test/fixtures/comments/layouts/mlit-merged.xlsx']);
    assert.equal(code, 0);
    const json = JSON.parse(stdout) as { comments: Array<{ id: string; sharedResponse?: string[] }> };
    assert.deepEqual(json.comments[3].sharedResponse, ['3', '4', '5']);
    assert.equal(json.comments[0].sharedResponse, undefined);
  });

  test('comments on a PDF without a comment table, and on broken bytes: exit 2 naming what was seen', () => {
    const pdf = run(['--lang', 'en', 'comments', 'test/fixtures/pdf/two-pages.pdf']);
    assert.equal(pdf.code, 2);
    assert.match(
      pdf.stderr,
      /No comment table header found\. Header-like cells seen: 「第３章 情報セキュリティ対策基準」/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'guideline-broken-'));
    writeFileSync(join(dir, 'result.pdf'), '%PDF-1.7 not really');
    const broken = run(['comments', join(dir, 'result.pdf')]);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /result\.pdf: /);
    assert.doesNotMatch(broken.stderr, /internal error|at .*\.js:\d+/);
  });

  test('links --json: every comment resolves to its node', () => {
    const { code, stdout } = run(['links', '--json', 'examples']);
    assert.equal(code, 0);
    const json = JSON.parse(stdout) as {
      links: Array<{
        comment: { file: string; number: number };
        target: { path: string; section: string | null; match: string; range: { start: { line: number } } } | null;
      }>;
    };
    const seed = json.links.filter((l) => l.comment.file === 'examples/comments/pubcomment-2015.txt');
    assert.equal(seed.length, 27);
    assert.deepEqual(
      seed.filter((l) => l.target?.match !== 'exact').map((l) => [l.comment.number, l.target?.match]),
      [
        [5, 'document'],
        [10, 'document'],
        [11, 'document'],
      ],
    );
    const first = seed[0].target!;
    assert.deepEqual(
      [first.path, first.section, first.match],
      ['examples/guideline/security-policy-guideline.md', '3.8.1', 'exact'],
    );
    assert.equal(first.range.start.line + 1, 1082);
  });

  test('check includes comment diagnostics for guidelines', () => {
    const { stdout } = run(['check', 'examples']);
    assert.match(stdout, /security-policy-guideline\.md:1110:\d+ information comment-accepted 意見6/);
  });

  test('check --fix applies the safe fixes atomically, touches nothing else, and is idempotent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-fix-'));
    cpSync(join(EXAMPLES, 'guideline'), dir, { recursive: true });
    const path = join(dir, 'security-policy-guideline.md');
    const before = readFileSync(path, 'utf8');
    const first = run(['check', '--fix', dir]);
    // Seven planted notation mistakes and 埃 → ほこり (official-joyo-kanji: outside the 常用漢字表).
    assert.match(first.stderr, /security-policy-guideline\.md: 8 件を修正しました/);
    const after = readFileSync(path, 'utf8');
    const afterLines = after.split('\n');
    const changed = before.split('\n').flatMap((line, i) => (line !== afterLines[i] ? [i + 1] : []));
    // Exactly the planted notation mistakes; every other line is byte for byte the same.
    assert.deepEqual(changed, [68, 92, 216, 230, 278, 842, 934, 1114]);
    assert.equal(before.split('\n').length, afterLines.length);
    assert.ok(after.includes('情報セキュリティポリシー及び情報セキュリティ実施手順'));
    assert.ok(!/SMSを活用/.test(after));
    assert.deepEqual(readdirSync(dir).sort(), ['security-policy-guideline.md'], 'no temporary file left');
    const second = run(['check', '--fix', dir]);
    assert.doesNotMatch(second.stderr, /fixed/);
    assert.equal(readFileSync(path, 'utf8'), after);
    assert.doesNotMatch(second.stdout, /long-vowel-mark|terminology|katakana-variant/);
  });

  test('check --fix leaves a symbolic link untouched and says why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-fix-link-'));
    const target = join(dir, 'real.txt');
    writeFileSync(target, '### 3.1 組織\n\nセキュリティポリシ｜を定める。\n');
    symlinkSync(target, join(dir, 'linked.md'));
    const result = run(['check', '--fix', join(dir, 'linked.md')]);
    assert.match(result.stderr, /linked\.md: 修正しませんでした。シンボリックリンクには書き込みません/);
    assert.equal(readFileSync(target, 'utf8'), '### 3.1 組織\n\nセキュリティポリシ｜を定める。\n');
  });

  test('output cut off by the reader (| head) ends quietly, without a stack trace', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" report examples | head -n 1`], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    assert.equal(result.stdout.split('\n').filter(Boolean).length, 1);
    assert.doesNotMatch(result.stderr, /EPIPE|Error/);
  });

  test('the project file: comments.files are read, a misspelt rule code is reported, --json names related places by URI', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-project-'));
    cpSync(join(EXAMPLES, 'guideline'), join(dir, 'guideline'), { recursive: true });
    cpSync(join(EXAMPLES, 'comments/pubcomment-2015.txt'), join(dir, 'archive/round-2015.dat'));
    writeFileSync(
      join(dir, 'guideline.config.json'),
      JSON.stringify(
        { comments: { files: ['archive/round-2015.dat'] }, rules: { 'long-vowel-marks': 'off' } },
        null,
        2,
      ),
    );
    const result = run(['check', '--json', join(dir, 'guideline')]);
    assert.match(
      result.stderr,
      /guideline\.config\.json:8:5 warning config-unknown-rule 規則のコード「long-vowel-marks」はありません/,
    );
    const json = JSON.parse(result.stdout) as {
      files: Array<{
        path: string;
        diagnostics: Array<{ code: string; relatedInformation?: Array<{ location: { uri: string } }> }>;
      }>;
    };
    const guideline = json.files.find((f) => f.path.endsWith('security-policy-guideline.md'))!;
    const accepted = guideline.diagnostics.filter((d) => d.code === 'comment-accepted');
    assert.equal(accepted.length, 5, 'the five accepted comments of the named round');
    for (const d of guideline.diagnostics)
      for (const r of d.relatedInformation ?? []) assert.match(r.location.uri, /^file:\/\//);
  });

  test('a Shift_JIS guideline is read as Shift_JIS (said on stderr), checked, and not rewritten by --fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-sjis-'));
    const path = join(dir, 'shift-jis.md');
    const bytes = iconv.encode('### 3.1 組織体制\n\n情報セキュリティポリシ｜を定め、職員に周知する。\n', 'cp932');
    writeFileSync(path, bytes);
    const result = run(['check', '--fix', path]);
    assert.match(result.stderr, /shift_jis として読みました/);
    assert.match(result.stderr, /修正しませんでした。ファイルが shift_jis です/);
    assert.match(result.stdout, /shift-jis\.md:3:\d+ warning long-vowel-mark/);
    assert.deepEqual(readFileSync(path), bytes, 'the file is untouched');
  });
});

describe('guideline check: 公用文 rules', () => {
  test('official.profile in guideline.config.json relaxes または outside 【例文】; --fix applies the safe fixes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-official-'));
    const doc = join(dir, 'policy.md');
    writeFileSync(
      doc,
      '# 3.1 組織体制\n\n【例文】\n\n職員または委託先は、予め報告して下さい。\n\n（解説）\n\n職員または委託先が報告する。\n',
    );
    const strict = run(['check', doc, '--json']);
    const codes = (out: string) =>
      (
        JSON.parse(out) as {
          files: Array<{ diagnostics: Array<{ code: string; range: { start: { line: number } } }> }>;
        }
      ).files
        .flatMap((f) => f.diagnostics)
        .filter((f) => f.code.startsWith('official-'))
        .map((f) => `${f.range.start.line + 1}:${f.code}`);
    assert.deepEqual(codes(strict.stdout), [
      '5:official-conjunction-kanji',
      '5:official-joyo-kanji',
      '5:official-auxiliary-kana',
      '9:official-conjunction-kanji',
    ]);
    writeFileSync(join(dir, 'guideline.config.json'), '{ "official": { "profile": "explanatory" } }');
    assert.deepEqual(codes(run(['check', doc, '--json']).stdout), [
      '5:official-conjunction-kanji',
      '5:official-joyo-kanji',
      '5:official-auxiliary-kana',
    ]);
    run(['check', doc, '--fix']);
    assert.equal(
      readFileSync(doc, 'utf8'),
      '# 3.1 組織体制\n\n【例文】\n\n職員又は委託先は、あらかじめ報告してください。\n\n（解説）\n\n職員または委託先が報告する。\n',
    );
  });
});

describe('guideline check: the morphological tier', () => {
  test('official-adverb-kanji turned on in guideline.config.json loads the shipped dictionary (dist/dict)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-morph-'));
    const doc = join(dir, 'policy.md');
    writeFileSync(doc, '# 3.1 組織体制\n\n職員は、すでに定めた手順に従い、かならず報告する。矢張り必要である。\n');
    assert.doesNotMatch(run(['check', doc]).stdout, /official-adverb-kanji/);
    writeFileSync(join(dir, 'guideline.config.json'), '{ "rules": { "official-adverb-kanji": "warning" } }');
    const { stdout, stderr } = run(['check', doc]);
    assert.equal(stderr, '');
    assert.deepEqual(
      stdout
        .split('\n')
        .filter((l) => l.includes('official-adverb-kanji'))
        .map((l) => l.replace(/^.*?:(\d+:\d+) warning official-adverb-kanji (.*)$/, '$1 $2')),
      [
        '3:5 「すでに」は「既に」と書きます（副詞は漢字で書く）。',
        '3:17 「かならず」は「必ず」と書きます（副詞は漢字で書く）。',
        '3:26 「矢張り」は「やはり」と書きます（かなり・ふと・やはり・よほど は仮名で書く）。',
      ],
    );
  });

  test('official-compound-noun on: --fix writes the 訓令 forms of the nouns, keeps the verbs, and the tier sharpens the kana rules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-morph-'));
    const doc = join(dir, 'policy.md');
    writeFileSync(
      doc,
      '# 3.1 組織体制\n\n申し込みの受付は、窓口で行う。研修に申し込みます。重要な事は、申し込み書に記載する。\n',
    );
    writeFileSync(join(dir, 'guideline.config.json'), '{ "rules": { "official-compound-noun": "warning" } }');
    const { stdout, stderr } = run(['check', doc]);
    assert.equal(stderr, '');
    assert.deepEqual(
      stdout
        .split('\n')
        .filter((l) => / official-/.test(l))
        .map((l) => l.replace(/^.*?:(\d+:\d+) \w+ (official-[a-z-]+) .*$/, '$1 $2')),
      ['3:1 official-compound-noun', '3:29 official-formal-noun', '3:32 official-compound-noun'],
    );
    run(['check', doc, '--fix']);
    assert.equal(
      readFileSync(doc, 'utf8'),
      '# 3.1 組織体制\n\n申込みの受付は、窓口で行う。研修に申し込みます。重要なことは、申込書に記載する。\n',
    );
  });
});
