/**
 * The state of a promise: a response that promises a change to the guideline (disposition
 * `accepted`) is 未着手 until the change is made (対応済み) and checked (確認済み). The editor sets it in
 * the YAML store (`status:`, with `assignee:` and `notes:`); where versions of the guideline are
 * known, a comparison of versions can set it automatically through `resolvePromise`'s `automatic`
 * argument. What the editor wrote wins over what was inferred.
 */
import type { Localized } from '../i18n/locale';
import type { CommentRecord } from './model';

export type PromiseStatus = 'open' | 'done' | 'verified';

export const PROMISE_LABELS: Readonly<Record<PromiseStatus, Localized>> = {
  open: { ja: '未着手', en: 'Not started' },
  done: { ja: '対応済み', en: 'Done' },
  verified: { ja: '確認済み', en: 'Verified' },
};

/** Also accepted when read: the English keys and common Japanese variants. */
const ALIASES: Readonly<Record<string, PromiseStatus>> = {
  open: 'open',
  todo: 'open',
  未着手: 'open',
  未対応: 'open',
  done: 'done',
  対応済み: 'done',
  対応済: 'done',
  修正済み: 'done',
  修正済: 'done',
  verified: 'verified',
  確認済み: 'verified',
  確認済: 'verified',
};

export function parsePromiseStatus(value: string): PromiseStatus | null {
  return ALIASES[value.trim().toLowerCase()] ?? null;
}

/**
 * Statuses inferred elsewhere (by comparing versions of the guideline), by round and comment
 * number; undefined where nothing is known.
 */
export type PromiseFeed = (roundUri: string, number: number) => PromiseStatus | undefined;

export interface PromiseState {
  readonly status: PromiseStatus;
  readonly assignee: string | null;
  readonly notes: string | null;
  /** Where the status comes from: the store, a comparison of versions, or nothing yet (未着手). */
  readonly source: 'store' | 'automatic' | 'default';
}

/** The state of a comment's promise, or null when its response promises nothing. */
export function resolvePromise(record: CommentRecord, automatic?: PromiseStatus): PromiseState | null {
  if (record.disposition !== 'accepted') return null;
  const base = { assignee: record.assignee ?? null, notes: record.notes ?? null };
  if (record.status) return { ...base, status: record.status, source: 'store' };
  if (automatic) return { ...base, status: automatic, source: 'automatic' };
  return { ...base, status: 'open', source: 'default' };
}

/** A promise still to keep: diagnostics and counts show only these. */
export function isOpenPromise(state: PromiseState | null): boolean {
  return state !== null && state.status === 'open';
}
