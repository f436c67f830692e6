/**
 * Property: a policy generated from an older guideline by random adoption operations (kept, adopted
 * with substitutions, reworded, dropped, merged with the next clause), then a newer guideline made by random edits (clauses
 * changed, deleted, inserted) of which the municipality re-adopts a random part: every clause new or
 * changed in the newer version and not re-adopted is reported unreflected, and none other; every
 * deleted clause the policy still carries is reported, and none other.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { FIXTURES } from '../../support/paths';
import { parseGuideline } from '../../../server/src/core/model/document';
import { exampleClauses } from '../../../server/src/core/coverage/clauses';
import { computeVersionedCoverage } from '../../../server/src/core/coverage/versions';

const excerpt = parseGuideline(
  'file:///guideline-excerpt.md',
  readFileSync(resolve(FIXTURES, 'coverage/guideline-excerpt.md'), 'utf8'),
);

interface Section {
  readonly number: string;
  readonly title: string;
  readonly clauses: { readonly id: number; readonly text: string }[];
}

/** The excerpt's 例文 as flat items per section: the older version's model. */
const OLD: readonly Section[] = (() => {
  const out: Section[] = [];
  exampleClauses(excerpt).forEach((c, id) => {
    let section = out.at(-1);
    if (section?.number !== c.section) out.push((section = { number: c.section, title: c.sectionTitle, clauses: [] }));
    section.clauses.push({ id, text: c.text.replace(/\n/g, '') });
  });
  return out;
})();

/** Sentences a revision appends to a clause. */
const ADDITIONS = [
  'また、その実施状況を記録し、定期的に統括情報セキュリティ責任者に報告しなければならない。',
  'なお、外部委託事業者に対しても同様の措置を求めなければならない。',
  'この場合において、クラウドサービスを利用するときは、事業者の認証の取得状況を確認しなければならない。',
];
/** Clauses a revision inserts. */
const NEW_CLAUSES = [
  'CISOは、情報セキュリティインシデントに対処するための体制（CSIRT）を整備し、役割を明確化しなければならない。',
  '統括情報セキュリティ責任者は、インターネットから利用できる情報システムへのログインに多要素認証を導入しなければならない。',
  '情報セキュリティ管理者は、テレワークで用いる端末の紛失に備え、遠隔でデータを消去できるよう設定しなければならない。',
  '職員等は、生成AIサービスに要機密情報を入力してはならない。',
  '情報システム管理者は、ログを一年以上保存し、不正アクセスの兆候を定期的に分析しなければならない。',
];

type Adoption = 'keep' | 'adopt' | 'reword' | 'drop' | 'merge';
type Edit = 'same' | 'change' | 'delete';

const adopt = (text: string): string =>
  text
    .replaceAll('地方公共団体', '本市')
    .replaceAll('職員等', '職員')
    .replaceAll('○○課', '情報政策課')
    .replace(/（○日）/g, '3日')
    .replace(/（○年間）/g, '5年間');
/** The municipality's own wording of a clause: a phrase inserted after the first comma. */
const reword = (text: string): string => {
  const at = text.indexOf('、') + 1;
  return `${text.slice(0, at)}原則として${text.slice(at)}`;
};

function render(title: string, sections: readonly { number: string; title: string; texts: string[] }[]): string {
  const lines = [`# ${title}`, ''];
  for (const s of sections) {
    if (s.texts.length === 0) continue;
    lines.push(`### ${s.number} ${s.title}`, '', '**【例文】**', '');
    s.texts.forEach((t, i) => lines.push(`(${i + 1}) ${t}`, ''));
  }
  return lines.join('\n');
}

interface Case {
  readonly adoption: Adoption[];
  readonly edit: Edit[];
  readonly readopt: boolean[];
  /** Inserted clauses: section index, position, text index (each text at most once). */
  readonly inserts: { section: number; at: number; text: number }[];
}

function build(c: Case) {
  const pick = <T>(list: readonly T[], i: number): T => list[i % list.length];
  const newSections: { number: string; title: string; texts: string[] }[] = [];
  const policySections: { number: string; title: string; texts: string[] }[] = [];
  /** Per clause of the newer version, in order: the expected change and verdict. */
  const expected: string[] = [];
  const remaining: string[] = [];
  OLD.forEach((section, s) => {
    const texts: string[] = [];
    const verdicts: string[] = [];
    const policy: string[] = [];
    const inserts = c.inserts.filter((x) => x.section % OLD.length === s);
    const insertAt = (k: number): void => {
      for (const x of inserts.filter((x) => x.at % (section.clauses.length + 1) === k)) {
        const text = NEW_CLAUSES[x.text];
        const readopted = pick(c.readopt, x.text + 7);
        texts.push(text);
        verdicts.push(`new ${readopted ? 'reflected' : 'unreflected'}`);
        if (readopted) policy.push(adopt(text));
      }
    };
    /** A clause merged into the one before it: its policy text joins that clause's, if that one is there. */
    let mergeNext = false;
    let mergeOpen = false;
    section.clauses.forEach(({ id, text }, k) => {
      insertAt(k);
      const edit = pick(c.edit, id);
      let adoption = pick(c.adoption, id);
      // A merge joins this clause and the next, both adopted with substitutions.
      if (adoption === 'merge' && (k + 1 >= section.clauses.length || mergeNext)) adoption = 'adopt';
      const merged = mergeNext;
      mergeNext = adoption === 'merge';
      const readopted = pick(c.readopt, id);
      const adopted =
        adoption === 'keep'
          ? text
          : adoption === 'adopt' || adoption === 'merge' || merged
            ? adopt(text)
            : reword(text);
      const put = (policyText: string): void => {
        if (merged && mergeOpen) policy[policy.length - 1] += policyText;
        else policy.push(policyText);
        mergeOpen = adoption === 'merge';
      };
      if (!merged) mergeOpen = false;
      if (edit === 'delete') {
        // Re-adopting a deletion deletes the clause from the policy too.
        if ((adoption !== 'drop' || merged) && !readopted) {
          put(adopted);
          remaining.push(text);
        }
        return;
      }
      const now = edit === 'change' ? text + pick(ADDITIONS, id) : text;
      texts.push(now);
      if (edit === 'change' && readopted) {
        put(adopt(now));
        verdicts.push('changed reflected');
        return;
      }
      if (adoption !== 'drop' || merged) put(adopted);
      verdicts.push(edit === 'change' ? 'changed unreflected' : 'unchanged reflected');
    });
    insertAt(section.clauses.length);
    newSections.push({ number: section.number, title: section.title, texts });
    policySections.push({ number: section.number.replace(/^3\./, '2.'), title: section.title, texts: policy });
    expected.push(...verdicts);
  });
  return {
    oldText: render(
      'ガイドライン（旧版）',
      OLD.map((s) => ({ ...s, texts: s.clauses.map((c) => c.text) })),
    ),
    newText: render('ガイドライン（新版）', newSections),
    policyText: render(
      '本市情報セキュリティ対策基準',
      policySections.map((s) => ({ ...s, number: s.number.replaceAll('.', '―') })),
    ),
    expected,
    remaining,
  };
}

test('every clause new or changed and not re-adopted is unreflected, none other', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom<Adoption>('keep', 'adopt', 'reword', 'drop', 'merge'), { minLength: 1, maxLength: 30 }),
      fc.array(fc.constantFrom<Edit>('same', 'same', 'change', 'delete'), { minLength: 1, maxLength: 30 }),
      fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }),
      fc.uniqueArray(fc.record({ section: fc.nat(20), at: fc.nat(10), text: fc.nat(NEW_CLAUSES.length - 1) }), {
        maxLength: 4,
        selector: (x) => x.text,
      }),
      (adoption, edit, readopt, inserts) => {
        const built = build({ adoption, edit, readopt, inserts });
        const result = computeVersionedCoverage(
          parseGuideline('file:///old.md', built.oldText),
          parseGuideline('file:///new.md', built.newText),
          parseGuideline('file:///policy.md', built.policyText),
        );
        const context = `${built.newText}\n----\n${built.policyText}`;
        assert.deepEqual(
          result.clauses.map((c) => `${c.change} ${c.reflected ? 'reflected' : 'unreflected'}`),
          built.expected,
          context,
        );
        assert.deepEqual(
          result.deleted.map((d) => d.old.text),
          built.remaining,
          context,
        );
      },
    ),
    { numRuns: 150 },
  );
});
