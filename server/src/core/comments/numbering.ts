/**
 * Comment numbers should run 1, 2, 3 … Every format keeps records with duplicated, out-of-order or
 * skipped numbers (nothing is dropped) and reports them here, once, in the same words.
 */
import { makeProblem, type CommentProblem, type CommentRecord } from './model';

const DUPLICATE = {
  ja: '番号 {number} が重複しています（{line} 行目の意見と同じ番号）。',
  en: 'Comment number {number} is duplicated (same number as the comment on line {line}).',
};
const OUT_OF_ORDER = {
  ja: '番号 {number} が順序どおりではありません（直前までに {max} 番まで出ています）。',
  en: 'Comment number {number} is out of order (numbers up to {max} came before it).',
};
const GAP = {
  ja: '番号 {missing} の意見が見つかりません。',
  en: 'No comment numbered {missing} was found.',
};

export function numberingProblems(records: readonly CommentRecord[]): CommentProblem[] {
  const problems: CommentProblem[] = [];
  const present = new Set(records.map((r) => r.number));
  const firstLine = new Map<number, number>();
  let max: number | null = null;
  for (const record of records) {
    const seenLine = firstLine.get(record.number);
    if (seenLine !== undefined) {
      problems.push(
        makeProblem(
          'comment-number-duplicate',
          record.range,
          DUPLICATE,
          { number: record.number, line: seenLine + 1 },
          'warning',
        ),
      );
      continue;
    }
    firstLine.set(record.number, record.range.start.line);
    if (max !== null && record.number < max) {
      problems.push(
        makeProblem('comment-number-order', record.range, OUT_OF_ORDER, { number: record.number, max }, 'warning'),
      );
    } else if (max !== null && record.number > max + 1) {
      const missing: number[] = [];
      for (let n = max + 1; n < record.number && missing.length <= 20; n++) if (!present.has(n)) missing.push(n);
      if (missing.length > 0) {
        const shown = missing.length > 20 ? `${missing.slice(0, 20).join(', ')} …` : missing.join(', ');
        problems.push(makeProblem('comment-number-gap', record.range, GAP, { missing: shown }, 'warning'));
      }
    }
    max = max === null ? record.number : Math.max(max, record.number);
  }
  return problems;
}
