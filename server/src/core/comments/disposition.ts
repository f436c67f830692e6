/**
 * How the ministry answered a comment, read from the wording of 意見に対する考え方. Officials use a
 * small set of stock phrases; when a response both explains and promises a change, the change wins
 * (accepted > as-drafted > already-covered > noted > other), because a change to the guideline is
 * what a reviewer must not miss.
 */
import type { Localized } from '../i18n/locale';
import type { Disposition } from './model';

/**
 * The phrase table. Each entry is one stock wording (old 2015 style and the newer 「修文いたします」
 * style); test/unit/comments/disposition.test.ts has a case for every row.
 */
const ACCEPTED = [
  // 修正します／修正いたします／修正しました／追記しました／追加しました／反映しました／修文いたします／統一いたします
  /(?:修正|追記|変更|追加|削除|反映|訂正|改正|見直|修文|統一|明記)(?:いた|致|させていただき|させて頂き)?し(?:ます|ました)/,
  /(?:修正|追記|変更|追加|削除|反映|訂正|修文)させていただき(?:ます|ました)/,
  /(?:修正|追記|変更|追加|削除|反映|訂正|修文)する(?:こととします|ことといたします)/,
  /記載を(?:追加|充実|修正|見直)/,
  /明確になるよう(?:に)?(?:修正|記載|追記)/,
  // 改めます／加えます／改めました
  /(?:改め|加え)(?:ます|ました)/,
];
/** 原案のとおり／素案のとおり／素案のまま／案のとおりとします (原案どおり, 原案通り). */
const AS_DRAFTED = [/(?:原案|素案|案)(?:の)?(?:とおり|通り|どおり|まま)/];
const ALREADY_COVERED = [
  /(?:に|として|を|へ)記載(?:を)?して(?:おり|い)ます/,
  /記載をして(?:おり|い)ます/,
  /(?:既に|すでに)記載/,
  /記載済/,
  /含めて(?:おり|い)ます/,
  /含まれて(?:おり|い)ます/,
  // 記述しているところです／記述しております
  /記述して(?:いる|おり)/,
  // 盛り込まれています／盛り込んでいます
  /盛り込(?:まれて|んで)(?:おり|い)ます/,
];
const NOTED = [
  /参考(?:と|に)(?:させていただき|いたし|し)ます/,
  /(?:ご|御)意見として(?:承り|伺い|賜り)ます/,
  /今後の検討の参考/,
];

export interface Classification {
  readonly disposition: Disposition;
  /**
   * A promised change beside 「…は原案のとおりといたします」: accepted in part. Such a response is
   * never as-drafted, which would hide the promise.
   */
  readonly partial: boolean;
}

/** Stock phrases are matched with line breaks removed: PDF text wraps inside them (「明\n確になるよう」). */
export function classifyDisposition(response: string): Classification {
  const text = response.replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/g, '');
  const any = (patterns: readonly RegExp[]) => patterns.some((p) => p.test(text));
  if (any(ACCEPTED)) return { disposition: 'accepted', partial: any(AS_DRAFTED) };
  if (any(AS_DRAFTED)) return { disposition: 'as-drafted', partial: false };
  if (any(ALREADY_COVERED)) return { disposition: 'already-covered', partial: false };
  if (any(NOTED)) return { disposition: 'noted', partial: false };
  return { disposition: 'other', partial: false };
}

export function classifyResponse(response: string): Disposition {
  return classifyDisposition(response).disposition;
}

export const DISPOSITIONS: readonly Disposition[] = ['accepted', 'as-drafted', 'already-covered', 'noted', 'other'];

export const DISPOSITION_LABELS: Readonly<Record<Disposition, Localized>> = {
  accepted: { ja: '修正あり', en: 'accepted' },
  'as-drafted': { ja: '原案どおり', en: 'as drafted' },
  'already-covered': { ja: '記載済み', en: 'already covered' },
  noted: { ja: '参考', en: 'noted' },
  other: { ja: 'その他', en: 'other' },
};

/** Further spellings found in hand-kept tables (対応/区分 columns). */
const LABEL_SYNONYMS: Readonly<Record<string, Disposition>> = {
  修正: 'accepted',
  反映: 'accepted',
  追記: 'accepted',
  修正する: 'accepted',
  原案のとおり: 'as-drafted',
  原案通り: 'as-drafted',
  原案のまま: 'as-drafted',
  修正なし: 'as-drafted',
  記載あり: 'already-covered',
  既記載: 'already-covered',
  参考とする: 'noted',
  今後の参考: 'noted',
};

/** A disposition from a code (`accepted`), a label (修正あり, as drafted) or a synonym; else undefined. */
export function dispositionFromLabel(label: string): Disposition | undefined {
  const key = label.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (!key) return undefined;
  const lower = key.toLowerCase();
  for (const d of DISPOSITIONS) {
    if (lower === d || lower === DISPOSITION_LABELS[d].en || key === DISPOSITION_LABELS[d].ja) return d;
  }
  return LABEL_SYNONYMS[key.replace(/\s/g, '')];
}

export function isDisposition(value: unknown): value is Disposition {
  return typeof value === 'string' && (DISPOSITIONS as readonly string[]).includes(value);
}
