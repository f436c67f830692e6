/** The year of a comment round: its date, else a year in its file name or title (pubcomment-2015.txt). */
import type { CommentRound } from './model';

export function roundYear(round: Pick<CommentRound, 'uri' | 'title' | 'date'>): string | null {
  if (round.date) return round.date.slice(0, 4);
  const file = decodeURIComponent(round.uri.split('/').pop() ?? round.uri);
  return /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(`${file} ${round.title ?? ''}`)?.[1] ?? null;
}
