/**
 * The same round read from two files (the published text and its YAML conversion, or a copy) must
 * count once: otherwise every count, hover and diagnostic doubles. Two rounds are the same when they
 * hold the same comment numbers with the same opinions (whitespace aside) and no different dates.
 * The YAML store wins (it is where responses and promise states are edited), then JSON, CSV, text;
 * between equals, the first path in order.
 */
import type { CommentFormat, CommentRound } from './model';

export interface DuplicateRound {
  /** The file not counted. */
  readonly dropped: CommentRound;
  /** The file counted in its place. */
  readonly kept: CommentRound;
}

// The most editable store is kept; of the published forms, the PDF read by coordinates beats its extracted text.
const FORMAT_RANK: Readonly<Record<CommentFormat, number>> = {
  yaml: 0,
  json: 1,
  csv: 2,
  xlsx: 3,
  markdown: 4,
  docx: 5,
  pdf: 6,
  text: 7,
};

/** How many characters of each opinion decide sameness: PDF wraps and YAML folding differ later on. */
const OPINION_PREFIX = 24;

function fingerprint(round: CommentRound): string | null {
  if (round.comments.length === 0) return null;
  const parts = [...round.comments]
    .sort((a, b) => a.number - b.number)
    .map((c) => `${c.number}:${c.opinion.replace(/\s+/g, '').slice(0, OPINION_PREFIX)}`);
  return parts.join('\n');
}

function preferred(a: CommentRound, b: CommentRound): number {
  return FORMAT_RANK[a.format] - FORMAT_RANK[b.format] || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
}

export function dedupeRounds(rounds: readonly CommentRound[]): {
  rounds: CommentRound[];
  duplicates: DuplicateRound[];
} {
  const groups = new Map<string, CommentRound[]>();
  const unique: CommentRound[] = [];
  for (const round of rounds) {
    const key = fingerprint(round);
    if (key === null) {
      unique.push(round);
      continue;
    }
    const group = groups.get(key);
    if (group) group.push(round);
    else groups.set(key, [round]);
  }
  const duplicates: DuplicateRound[] = [];
  for (const group of groups.values()) {
    // Split by date: the same numbers and opinions in rounds of different dates are different rounds.
    const sorted = [...group].sort(preferred);
    const kept: CommentRound[] = [];
    for (const round of sorted) {
      const same = kept.find((k) => !k.date || !round.date || k.date === round.date);
      if (same) duplicates.push({ dropped: round, kept: same });
      else kept.push(round);
    }
    unique.push(...kept);
  }
  // Keep the input order for what remains: callers sort rounds by date themselves.
  const order = new Map(rounds.map((r, i) => [r, i]));
  unique.sort((a, b) => order.get(a)! - order.get(b)!);
  return { rounds: unique, duplicates };
}
