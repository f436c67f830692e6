/**
 * Property: a policy generated from the guideline excerpt by random adoption operations is classified
 * as generated. Each 例文 clause is kept, adopted with substitutions (本市, 職員, placeholders filled),
 * merged with the next one, changed by an inserted phrase, or dropped; sections are reordered and
 * numbered with a prefix (any dash) or recast as articles; the municipality adds rules of its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { FIXTURES } from '../../support/paths';
import { parseGuideline } from '../../../server/src/core/model/document';
import { computeCoverage, MODIFIED_THRESHOLD } from '../../../server/src/core/coverage/coverage';
import { exampleClauses, type ExampleClause } from '../../../server/src/core/coverage/clauses';
import { textSimilarity } from '../../../server/src/core/revisions/similarity';

const guideline = parseGuideline(
  'file:///guideline-excerpt.md',
  readFileSync(resolve(FIXTURES, 'coverage/guideline-excerpt.md'), 'utf8'),
);
const examples = exampleClauses(guideline);

type Op = 'keep' | 'adopt' | 'merge' | 'modify' | 'drop';
type Expected = 'covered' | 'modified' | 'missing';

const OWN_RULES = [
  '情報システムの運用を外部の事業者に委託する場合は、委託先に本基準と同等の対策を求める。',
  '庁舎の警備員は、夜間の巡回の結果を翌朝までに管財課長に届け出る。',
  '選挙事務に用いる端末は、選挙管理委員会事務局が別に定める手順により取り扱う。',
  '災害時の臨時窓口で用いる機器は、防災危機管理課が貸し出し、返却時に初期化する。',
];

function adopt(text: string, city: string): string {
  return text
    .replaceAll('地方公共団体', city)
    .replaceAll('職員等', '職員')
    .replaceAll('○○課', '情報政策課')
    .replace(/（○日）/g, '3日')
    .replace(/（○年間）/g, '5年間');
}

/** A change that alters the rule: a phrase inserted after the first comma (never next to a placeholder). */
function modify(text: string): string {
  const at = text.indexOf('、') + 1;
  return `${text.slice(0, at)}原則として${text.slice(at)}`;
}

interface Generated {
  readonly text: string;
  readonly expected: Expected[];
  readonly extra: number;
}

function generate(
  ops: readonly Op[],
  order: readonly number[],
  style: 'prefix' | 'articles',
  dash: string,
  city: string,
  own: readonly number[],
): Generated {
  const expected: Expected[] = [];
  const bySection = new Map<string, { example: ExampleClause; index: number }[]>();
  examples.forEach((example, index) => {
    const list = bySection.get(example.section) ?? [];
    list.push({ example, index });
    bySection.set(example.section, list);
  });
  const sections = [...bySection.keys()];
  const lines: string[] = [`# ${city}情報セキュリティ対策基準`, ''];
  let article = 0;
  let extra = 0;
  sections
    .map((s, i) => ({ s, key: order[i % order.length] * 100 + i }))
    .sort((a, b) => a.key - b.key)
    .forEach(({ s: section }, position) => {
      const clauses: string[] = [];
      const list = bySection.get(section)!;
      for (let k = 0; k < list.length; k++) {
        const { example, index } = list[k];
        let op = ops[index % ops.length];
        if (op === 'modify' && /[○〇]/.test(example.text)) op = 'adopt';
        if (op === 'merge' && k + 1 >= list.length) op = 'adopt';
        if (op === 'drop') expected[index] = 'missing';
        else if (op === 'modify') {
          expected[index] = 'modified';
          clauses.push(modify(example.text));
        } else if (op === 'merge') {
          const next = list[++k];
          expected[index] = 'covered';
          expected[next.index] = 'covered';
          clauses.push(adopt(example.text, city) + adopt(next.example.text, city));
        } else {
          expected[index] = 'covered';
          clauses.push(op === 'keep' ? example.text : adopt(example.text, city));
        }
      }
      if (own[position % own.length] < OWN_RULES.length && position < OWN_RULES.length) {
        clauses.push(OWN_RULES[position]);
        extra++;
      }
      if (clauses.length === 0) return;
      const title = list[0].example.sectionTitle;
      if (style === 'prefix') {
        const number = `2${section
          .split('.')
          .slice(1)
          .map((n) => `${dash}${n}`)
          .join('')}`;
        lines.push(`## ${number} ${title}`, '');
        clauses.forEach((c, i) => lines.push(`(${i + 1}) ${c}`, ''));
      } else {
        lines.push(`第${++article}条（${title}）`, '');
        clauses.forEach((c, i) => lines.push(i === 0 ? c : `${i + 1} ${c}`, ''));
      }
    });
  return { text: lines.join('\n'), expected, extra };
}

test('the excerpt has look-alike 例文 clauses, so a dropped clause could be mistaken for its neighbour', () => {
  // 3.6.1 (1)① and ② share their subject and predicate: the property checks that a dropped one
  // stays missing rather than being aligned to the other's policy clause.
  let closest = 0;
  for (let i = 0; i < examples.length; i++)
    for (let j = i + 1; j < examples.length; j++)
      closest = Math.max(closest, textSimilarity(examples[i].text, examples[j].text));
  assert.ok(closest >= MODIFIED_THRESHOLD, String(closest));
});

test('a policy generated by random adoption operations is classified as generated', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom<Op>('keep', 'adopt', 'merge', 'modify', 'drop'), { minLength: 1, maxLength: 30 }),
      fc.array(fc.nat(9), { minLength: 1, maxLength: 8 }),
      fc.constantFrom<'prefix' | 'articles'>('prefix', 'articles'),
      fc.constantFrom('―', '-', '－', '‐'),
      fc.constantFrom('本市', '本町', '本村'),
      fc.array(fc.nat(7), { minLength: 1, maxLength: 6 }),
      (ops, order, style, dash, city, own) => {
        const generated = generate(ops, order, style, dash, city, own);
        const policy = parseGuideline('file:///policy.md', generated.text);
        const result = computeCoverage(guideline, policy);
        assert.deepEqual(
          result.clauses.map((c) => `${c.example.path.join('/')} ${c.status}`),
          examples.map((e, i) => `${e.path.join('/')} ${generated.expected[i]}`),
          generated.text,
        );
        assert.equal(result.extra.length, generated.extra, generated.text);
      },
    ),
    { numRuns: 150 },
  );
});
