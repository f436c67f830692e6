/**
 * schemas/guideline.config.schema.json must describe exactly what parseProjectConfig accepts: the
 * editor validates and completes guideline.config.json with it, so a key or value the schema allows
 * but the parser rejects (or the reverse) would mislead users. Checked from both sides: the schema's
 * keys, enums and examples against the parser, the parser's known keys against the schema, and a
 * table plus generated configurations on which both must agree.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { REPO_ROOT } from '../../support/paths';
import { parseProjectConfig, type ProjectConfig } from '../../../server/src/core/config/project-config';
import { isRuleSetting } from '../../../server/src/core/config/rule-settings';
import { RULE_DESCRIPTORS } from '../../../server/src/core/checks/config';
import { DISPOSITIONS } from '../../../server/src/core/comments/disposition';
import { COVERAGE_CODES } from '../../../server/src/core/coverage/findings';
import type { CommentProblemCode } from '../../../server/src/core/comments/model';
import { readCommentDocument } from '../../../server/src/core/comments/read';
import { PROMISE_FINDING_CODES } from '../../../server/src/core/revisions/promise-findings';
import { parseGuideline } from '../../../server/src/core/model/document';
import { GuidelineIndex } from '../../../server/src/core/workspace/guideline-index';
import { CommentLinks } from '../../../server/src/core/workspace/comment-links';
import { commentDocumentFindings, guidelineFindings } from '../../../server/src/core/workspace/document-findings';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Schema {
  type?: 'object' | 'array' | 'string';
  enum?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: false | Schema;
  items?: Schema;
  anyOf?: Schema[];
  required?: string[];
  pattern?: string;
  examples?: Json[];
  [annotation: string]: unknown;
}

const schema = JSON.parse(readFileSync(resolve(REPO_ROOT, 'schemas/guideline.config.schema.json'), 'utf8')) as Schema;
const props = schema.properties!;

// The validator below implements these keywords; everything else in the schema must be an annotation.
const VALIDATION_KEYWORDS = new Set([
  'type',
  'enum',
  'properties',
  'additionalProperties',
  'items',
  'anyOf',
  'required',
  'pattern',
]);
const ANNOTATIONS = new Set([
  '$schema',
  'title',
  'description',
  'markdownDescription',
  'default',
  'examples',
  'enumDescriptions',
  'markdownEnumDescriptions',
]);

/** A draft-07 validator for the keywords above: enough for this schema, and no dependency. */
function valid(s: Schema, value: Json): boolean {
  if (s.type === 'object' && (value === null || typeof value !== 'object' || Array.isArray(value))) return false;
  if (s.type === 'array' && !Array.isArray(value)) return false;
  if (s.type === 'string' && typeof value !== 'string') return false;
  if (s.enum && !s.enum.includes(value as string)) return false;
  if (s.pattern && typeof value === 'string' && !new RegExp(s.pattern, 'u').test(value)) return false;
  if (s.required && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if (!s.required.every((key) => key in value)) return false;
  }
  if (s.items && Array.isArray(value) && !value.every((v) => valid(s.items!, v))) return false;
  if (s.anyOf && !s.anyOf.some((alt) => valid(alt, value))) return false;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value)) {
      const sub = s.properties?.[key] ?? s.additionalProperties;
      if (sub === false) return false;
      if (sub && !valid(sub, v)) return false;
    }
  }
  return true;
}

function parse(config: Json): ReturnType<typeof parseProjectConfig> {
  return parseProjectConfig(JSON.stringify(config, null, 2));
}

function problemCodes(config: Json): string[] {
  return parse(config).problems.map((p) => p.code);
}

/** The keys the parser lists in its unknown-key message ("Known: a, b"). */
function knownKeys(config: Json): string[] {
  const problem = parse(config).problems.find((p) => p.code === 'config-unknown-key');
  assert.ok(problem, 'an unknown key is reported');
  return /Known: (.*)$/.exec(problem.message.en)![1].split(', ');
}

describe('guideline.config.json schema (schemas/guideline.config.schema.json)', () => {
  test('uses only keywords the agreement test implements', () => {
    const visit = (s: Schema, path: string): void => {
      for (const key of Object.keys(s)) {
        assert.ok(VALIDATION_KEYWORDS.has(key) || ANNOTATIONS.has(key), `${path}: unexpected keyword ${key}`);
      }
      for (const [name, sub] of Object.entries(s.properties ?? {})) visit(sub, `${path}.${name}`);
      if (s.additionalProperties) visit(s.additionalProperties, `${path}[*]`);
      if (s.items) visit(s.items, `${path}[]`);
      s.anyOf?.forEach((alt, i) => visit(alt, `${path}|${i}`));
    };
    visit(schema, '');
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  });

  test('every property has a Japanese markdownDescription and an English description', () => {
    const check = (s: Schema, path: string): void => {
      assert.match(String(s.markdownDescription), /[ぁ-んァ-ヶ一-龠]/, `${path}: markdownDescription in Japanese`);
      assert.match(String(s.description), /\b[A-Za-z]{3,} [A-Za-z]{2,}\b/, `${path}: description in English`);
      for (const [name, sub] of Object.entries(s.properties ?? {})) check(sub, `${path}.${name}`);
    };
    check(schema, '(root)');
  });

  test('its top-level keys are the keys parseProjectConfig knows, and $schema', () => {
    assert.equal(schema.type, 'object');
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(Object.keys(props).sort(), ['$schema', ...knownKeys({ unknownKey: 1 })].sort());
    assert.deepEqual(problemCodes({ $schema: './schemas/guideline.config.schema.json' }), []);
  });

  test('an unknown key is config-unknown-key, at the top and in comments; the schema forbids both', () => {
    assert.deepEqual(problemCodes({ rule: { prh: 'off' } }), ['config-unknown-key']);
    assert.deepEqual(problemCodes({ comments: { file: ['a.txt'] } }), ['config-unknown-key']);
    assert.equal(valid(schema, { rule: { prh: 'off' } }), false);
    assert.equal(valid(schema, { comments: { file: ['a.txt'] } }), false);
  });

  test('the keys of comments are the ones the parser knows', () => {
    const comments = props.comments;
    assert.equal(comments.additionalProperties, false);
    assert.deepEqual(Object.keys(comments.properties!).sort(), knownKeys({ comments: { unknownKey: 1 } }).sort());
  });

  test('the keys of policy are the ones the parser knows', () => {
    const policy = props.policy;
    assert.equal(policy.additionalProperties, false);
    assert.deepEqual(Object.keys(policy.properties!).sort(), knownKeys({ policy: { unknownKey: 1 } }).sort());
    for (const [key, property] of Object.entries(policy.properties!))
      for (const example of property.examples ?? [])
        assert.deepEqual(problemCodes({ policy: { [key]: example } }), [], `policy.${key}`);
  });

  test('each example of each property parses without problems and takes effect', () => {
    const effects: Record<string, (config: ProjectConfig, example: Json) => void> = {
      rules: (config, example) => assert.deepEqual(config.rules, example),
      comments: (config, example) => {
        const { files, diagnostics } = example as { files: string[]; diagnostics: string };
        assert.deepEqual(config.comments, { files, diagnostics });
      },
      dictionaries: (config, example) => assert.deepEqual(config.dictionaries, example),
      preferredKatakana: (config, example) => {
        const expected = Array.isArray(example) ? Object.fromEntries(example.map((w) => [w, w])) : example;
        assert.deepEqual(config.preferredKatakana, expected);
      },
      versions: (config, example) =>
        assert.deepEqual(
          config.versions.map(({ range: _range, ...rest }) => rest),
          (example as Json[]).map((v) => ({ comments: [], ...(v as object) })),
        ),
      policy: (config, example) => assert.deepEqual(config.policy, example),
      official: (config, example) => assert.deepEqual(config.official, example),
    };
    for (const [key, property] of Object.entries(props)) {
      if (key === '$schema') continue;
      assert.ok(property.examples && property.examples.length > 0, `${key} has examples`);
      for (const example of property.examples!) {
        const config = { [key]: example };
        const { config: parsed, problems } = parse(config);
        assert.deepEqual(problems, [], `${key}: ${JSON.stringify(example)}`);
        assert.ok(valid(schema, config), `${key}: the schema accepts its own example`);
        effects[key](parsed, example);
      }
    }
    for (const [key, property] of Object.entries(props.comments.properties!)) {
      for (const example of property.examples ?? [])
        assert.deepEqual(problemCodes({ comments: { [key]: example } }), [], `comments.${key}`);
    }
  });

  test('the rule setting enum is exactly the values the parser accepts', () => {
    // Every code has its own property (unknown codes are misspellings); they share one enum.
    assert.equal(props.rules.additionalProperties, false);
    const enumValues = props.rules.properties!['long-vowel-mark'].enum;
    assert.deepEqual(enumValues, ['error', 'warning', 'information', 'hint', 'off']);
    const candidates = [
      ...enumValues!,
      'warn',
      'info',
      'Error',
      'WARNING',
      'on',
      'none',
      'disable',
      'disabled',
      'information ',
      '',
    ];
    for (const value of candidates) {
      const accepted = enumValues!.includes(value);
      assert.equal(isRuleSetting(value), accepted, value);
      assert.equal(problemCodes({ rules: { 'long-vowel-mark': value } }).length === 0, accepted, value);
    }
    for (const [code, property] of Object.entries(props.rules.properties!)) {
      assert.deepEqual(property.enum, enumValues, `${code} uses the same enum`);
    }
  });

  test('the comments.diagnostics enum is exactly the modes the parser accepts', () => {
    const modes = props.comments.properties!.diagnostics.enum!;
    assert.deepEqual(modes, ['off', 'accepted', 'all']);
    for (const value of [...modes, 'none', 'Accepted', 'information', 'on', '']) {
      const { config, problems } = parse({ comments: { diagnostics: value } });
      assert.equal(problems.length === 0, modes.includes(value), value);
      if (modes.includes(value)) assert.equal(config.comments.diagnostics, value);
    }
  });

  // Inputs chosen at the edges of each key's type: both sides must agree on every one.
  const TABLE: Json[] = [
    {},
    { rules: {} },
    { rules: [] },
    { rules: null },
    { rules: 'off' },
    { rules: { 'a-code-no-rule-has': 'hint' } },
    { rules: { prh: 1 } },
    { rules: { prh: null } },
    { rules: { prh: { severity: 'error' } } },
    { comments: {} },
    { comments: [] },
    { comments: { files: [] } },
    { comments: { files: 'a.txt' } },
    { comments: { files: ['a.txt', 2] } },
    { comments: { diagnostics: null } },
    { comments: { diagnostics: true } },
    { dictionaries: [] },
    { dictionaries: {} },
    { dictionaries: [null] },
    { dictionaries: 'prh.yml' },
    { preferredKatakana: {} },
    { preferredKatakana: [] },
    { preferredKatakana: { サーバー: 'サーバ' } },
    { preferredKatakana: { サーバー: 1 } },
    { preferredKatakana: { サーバー: null } },
    { preferredKatakana: ['サーバ', 2] },
    { preferredKatakana: 'サーバ' },
    { preferredKatakana: null },
    { versions: [] },
    { versions: {} },
    { versions: [{ label: '2015年案', file: 'v/2015.md' }] },
    { versions: [{ label: '2015年案', git: 'v2015' }] },
    { versions: [{ label: '2015年案', git: 'HEAD~3', comments: ['c.txt'] }] },
    { versions: [{ label: '2015年案' }] },
    { versions: [{ file: 'v/2015.md' }] },
    { versions: [{ label: '2015年案', file: 'v/2015.md', git: 'v2015' }] },
    { versions: [{ label: '', file: 'v/2015.md' }] },
    { versions: [{ label: '2015年案', file: ' ' }] },
    { versions: [{ label: '2015年案', git: '--output=/tmp/x' }] },
    { versions: [{ label: '2015年案', git: 'v1; rm -rf /' }] },
    { versions: [{ label: '2015年案', file: 'a.md', comments: 'c.txt' }] },
    { versions: [{ label: '2015年案', file: 'a.md', date: '2015' }] },
    { versions: ['v/2015.md'] },
    { policy: {} },
    { policy: [] },
    { policy: 'guideline.md' },
    { policy: { guideline: 'guideline.md' } },
    { policy: { guideline: 1 } },
    { policy: { guidline: 'guideline.md' } },
    { policy: { substitutions: { 地方公共団体: '本市' } } },
    { policy: { substitutions: { 地方公共団体: ['本市', '当市'] } } },
    { policy: { substitutions: { 地方公共団体: 1 } } },
    { policy: { substitutions: { 地方公共団体: ['本市', null] } } },
    { policy: { substitutions: ['本市'] } },
    { $schema: 1 },
    { $schema: null },
    [],
  ];

  test('schema and parser agree on a table of edge cases', () => {
    for (const config of TABLE) {
      assert.equal(valid(schema, config), problemCodes(config).length === 0, JSON.stringify(config));
    }
  });

  test('schema and parser agree on generated configurations', () => {
    const text = fc.constantFrom(
      'サーバ',
      'a.txt',
      'comments/pubcomment-2015.txt',
      'off',
      'all',
      'warning',
      'warn',
      '',
    );
    const value: fc.Arbitrary<Json> = fc.oneof(
      text,
      fc.constantFrom<Json>(null, true, 0, 1),
      fc.array(text, { maxLength: 2 }),
      fc.dictionary(text, text, { maxKeys: 2 }),
    );
    const settings = fc.constantFrom('error', 'warning', 'information', 'hint', 'off', 'warn', 'Error', '');
    const codes = fc.constantFrom(...Object.keys(props.rules.properties!), 'unknown-code');
    const rules = fc.oneof(fc.dictionary(codes, fc.oneof(settings, value), { maxKeys: 3 }), value);
    const comments = fc.oneof(
      fc.record(
        {
          files: fc.oneof(fc.array(text, { maxLength: 2 }), value),
          diagnostics: fc.oneof(fc.constantFrom('off', 'accepted', 'all', 'some'), value),
          other: value,
        },
        { requiredKeys: [] },
      ),
      value,
    );
    const katakana = fc.oneof(
      fc.dictionary(text, fc.oneof(text, value), { maxKeys: 2 }),
      fc.array(fc.oneof(text, value), { maxLength: 2 }),
      value,
    );
    const config = fc.record(
      {
        $schema: value,
        rules,
        comments,
        dictionaries: fc.oneof(fc.array(text, { maxLength: 2 }), value),
        preferredKatakana: katakana,
        extra: value,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(config, (c) => valid(schema, c as Json) === (problemCodes(c as Json).length === 0)),
      { numRuns: 500 },
    );
  });
});

describe('rule codes listed in the schema', () => {
  // Exhaustive at compile time (npx tsc -b): adding a problem code to the model breaks this list.
  const COMMENT_PROBLEM_CODES = {
    'comment-parse': true,
    'comment-encoding': true,
    'comment-number-duplicate': true,
    'comment-number-order': true,
    'comment-number-gap': true,
    'comment-missing-submitter': true,
    'comment-missing-opinion': true,
    'comment-missing-response': true,
    'comment-unknown-field': true,
    'comment-invalid-value': true,
  } satisfies Record<CommentProblemCode, true>;

  /** Codes the structural checks and comment links really emit on a small workspace. */
  function emittedCodes(): Set<string> {
    const guideline = [
      '# 試験用ガイドライン',
      '',
      '## 第3章 情報セキュリティ対策基準',
      '',
      '### 3.1 組織体制',
      '',
      '**【例文】**',
      '',
      '(1) 体制',
      '',
      '(2) 役割',
      '',
      '(4) 連絡',
      '',
      '(3) 報告',
      '',
      '(3) 重ねて報告',
      '',
      '「3.9 存在しない節」及び「3.1 別の見出し」を参照する。',
      '',
    ].join('\n');
    const round = [
      'title: 試験用の意見',
      'date: 2015-03-31',
      'comments:',
      '  - { number: 1, location: "3.1 【例文】（1）", submitter: 個人, opinion: 意見, response: ご指摘を踏まえ修正いたします。 }',
      '  - { number: 2, location: "3.1 【例文】（9）", submitter: 個人, opinion: 意見, response: 原案のとおりとします。 }',
      '  - { number: 3, location: "3.1 【例文】", submitter: 個人, opinion: 意見, response: 今後の参考とさせていただきます。 }',
      '  - { number: 4, location: "3.1", submitter: 法人, opinion: 意見, response: 「3.1 組織体制」に記載しております。 }',
      '  - { number: 5, location: "3.1", submitter: 法人, opinion: 意見, response: ご意見ありがとうございました。 }',
      '  - { number: 6, location: "3.7", submitter: 法人, opinion: 意見, response: ご意見ありがとうございました。 }',
      '',
    ].join('\n');
    const document = parseGuideline('file:///g.md', guideline);
    const index = new GuidelineIndex();
    index.set(document);
    const comments = readCommentDocument('file:///c.yaml', round);
    assert.ok(comments, 'the YAML round is read');
    // A round about another document: comment-unattached.
    const other = readCommentDocument(
      'file:///other.yaml',
      'title: 「別の省の手引き（案）」に対する意見\ncomments:\n  - { number: 1, location: "全般", submitter: 個人, opinion: 意見, response: 承ります。 }\n',
    );
    assert.ok(other, 'the other round is read');
    const links = new CommentLinks([comments, other], index);
    const options = { locale: 'ja' as const, rules: {}, commentDiagnostics: 'all' as const };
    return new Set([
      ...guidelineFindings(document, index, options, links).map((f) => f.code),
      ...commentDocumentFindings(comments, links, options).map((f) => f.code),
      ...commentDocumentFindings(other, links, options).map((f) => f.code),
    ]);
  }

  const emitted = emittedCodes();
  const known = new Set([
    ...RULE_DESCRIPTORS.map((d) => d.code),
    ...emitted,
    ...DISPOSITIONS.map((d) => `comment-${d}`),
    ...Object.keys(COMMENT_PROBLEM_CODES),
    ...PROMISE_FINDING_CODES,
    ...COVERAGE_CODES,
  ]);
  const listed = Object.keys(props.rules.properties!);

  test('the small workspace emits every structural and link code', () => {
    for (const code of [
      'xref-unknown-section',
      'xref-title-mismatch',
      'numbering-duplicate',
      'numbering-gap',
      'numbering-order',
      'comment-accepted',
      'comment-unresolved',
      'comment-unattached',
      'comment-partial',
      'comment-as-drafted',
      'comment-noted',
      'comment-already-covered',
      'comment-other',
    ]) {
      assert.ok(emitted.has(code), `${code} emitted`);
    }
  });

  test('every code the schema lists exists', () => {
    for (const code of listed) assert.ok(known.has(code), `${code} is a rule, model or comment code`);
  });

  test('every configurable code is listed, so the editor completes it', () => {
    for (const code of known) assert.ok(listed.includes(code), `${code} listed in schema rules`);
  });

  test('the default severity in each description is the rule default', () => {
    for (const descriptor of RULE_DESCRIPTORS) {
      assert.match(
        String(props.rules.properties![descriptor.code].description),
        new RegExp(`\\(default: ${descriptor.defaultSeverity}\\)$`),
        descriptor.code,
      );
    }
  });

  test('a config naming every listed code parses without problems', () => {
    assert.deepEqual(problemCodes({ rules: Object.fromEntries(listed.map((code) => [code, 'hint'])) }), []);
  });
});
