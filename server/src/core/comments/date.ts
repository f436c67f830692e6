/**
 * Dates as published results write them (平成27年3月31日, 2015年3月31日, 2015/3/31, 2015-03-31) in
 * ISO form, `YYYY-MM-DD` or `YYYY-MM` when the day is missing.
 */
import { toHalfWidthAscii } from '../text/width';

const ERA_START: Readonly<Record<string, number>> = { 令和: 2018, 平成: 1988, 昭和: 1925 };

function iso(year: number, month: number, day: number | undefined): string | null {
  if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return null;
  const mm = String(month).padStart(2, '0');
  return day === undefined ? `${year}-${mm}` : `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

export function findDate(text: string): string | null {
  const t = toHalfWidthAscii(text);
  const era = /(令和|平成|昭和)\s*(元|\d{1,2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/.exec(t);
  if (era) {
    const year = ERA_START[era[1]] + (era[2] === '元' ? 1 : Number(era[2]));
    return iso(year, Number(era[3]), era[4] === undefined ? undefined : Number(era[4]));
  }
  const western = /(\d{4})\s*(?:年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?|[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)/.exec(t);
  if (western) {
    const month = Number(western[2] ?? western[4]);
    const dayText = western[3] ?? western[5];
    return iso(Number(western[1]), month, dayText === undefined ? undefined : Number(dayText));
  }
  return null;
}

/** An ISO date as a published table writes it: 「2015年3月31日」 (ja) or 2015-03-31 (en). */
export function formatJapaneseDate(isoDate: string, locale: 'ja' | 'en'): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(isoDate);
  if (!m || locale === 'en') return isoDate;
  return `${Number(m[1])}年${Number(m[2])}月${m[3] ? `${Number(m[3])}日` : ''}`;
}
