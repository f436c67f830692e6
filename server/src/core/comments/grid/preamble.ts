/**
 * The title and the comment period from the text before the table. The title is the line that names
 * 意見 and 考え方 (or 意見募集の結果), not a 「資料６」 label above it; the period is what follows
 * 意見募集期間, never the result's own date.
 */
import { toHalfWidthAscii } from '../../text/width';
import { findDate } from '../date';
import type { CommentPeriod } from '../model';

const TITLE = /(?:意見|コメント).{0,40}(?:考え方|回答)|意見募集(?:の)?結果|意見の概要及び/;
const LABEL = /^[(（【]?(?:資料|別紙|別添|参考資料)\s*[0-9０-９\-－]*[)）】]?$/;
const PERIOD = /(?:意見(?:の)?)?(?:募集|照会|受付)期間\s*[:：]?\s*(.+)$/;
const ERA_YEAR = /(令和|平成|昭和)\s*(元|[0-9]{1,2})\s*年|([0-9]{4})\s*年/;

export function findTitle(lines: readonly string[]): string | null {
  const texts = lines.map((l) => normalizeTitle(l.replace(/\s+/g, ' '))).filter((l) => l !== '');
  const named = texts.find((t) => TITLE.test(t) && !PERIOD.test(t));
  if (named) return named;
  return texts.find((t) => !LABEL.test(t) && findDate(t) === null) ?? null;
}

/**
 * PDF text extraction gives the half-width corner brackets of some fonts (｢…｣, U+FF62/U+FF63) where
 * the document has 「…」; titles are shown and exported, so they get the full-width ones.
 */
export function normalizeTitle(line: string): string {
  return line
    .trim()
    .replace(/\uFF62/g, '「')
    .replace(/\uFF63/g, '」');
}

/** 「意見募集期間：令和７年10月31日～11月21日」 → from/to ISO; the end inherits the start's year. */
export function findPeriod(lines: readonly string[]): CommentPeriod | null {
  for (const line of lines) {
    const m = PERIOD.exec(line.trim());
    if (!m) continue;
    const raw = m[1].trim();
    const [first, second = ''] = toHalfWidthAscii(raw).split(/\s*[~～〜]\s*|\s*から\s*/);
    const from = findDate(first);
    const year = ERA_YEAR.exec(first)?.[0];
    let to = findDate(second);
    if (to === null && year && second.trim()) to = findDate(`${year}${second}`);
    if (from !== null || to !== null) return { from, to, raw };
  }
  return null;
}

/** The result's own date: the first date in the preamble that is not in the period line. */
export function findResultDate(lines: readonly string[]): string | null {
  for (const line of lines) {
    if (PERIOD.test(line.trim())) continue;
    const date = findDate(line);
    if (date !== null) return date;
  }
  return null;
}
