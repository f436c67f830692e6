/**
 * How the ministry answered a comment, read from the wording of 意見に対する考え方. Officials use a
 * small set of stock phrases; when a response both explains and promises a change, the change wins
 * (accepted > as-drafted > already-covered > noted > other), because a change to the guideline is
 * what a reviewer must not miss.
 */
import type { Localized } from '../i18n/locale';
import type { Disposition } from './model';

const ACCEPTED = [
  /(?:修正|追記|変更|追加|削除|反映|訂正|改正|見直)(?:いた|致)?し(?:ます|ました)/,
  /(?:修正|追記|変更|追加|削除|反映|訂正)する(?:こととします|ことといたします)/,
  /記載を(?:追加|充実|修正|見直)/,
  /明確になるよう(?:に)?(?:修正|記載|追記)/,
  /(?:改め|加え)(?:ます|ました)/,
];
const AS_DRAFTED = [/原案(?:の)?(?:とおり|通り|どおり)/];
const ALREADY_COVERED = [
  /(?:に|として|を|へ)記載(?:を)?して(?:おり|い)ます/,
  /記載をして(?:おり|い)ます/,
  /(?:既に|すでに)記載/,
  /記載済/,
  /含めて(?:おり|い)ます/,
  /含まれて(?:おり|い)ます/,
];
const NOTED = [
  /参考(?:と|に)(?:させていただき|いたし|し)ます/,
  /(?:ご|御)意見として(?:承り|伺い|賜り)ます/,
  /今後の検討の参考/,
];

/** Stock phrases are matched with line breaks removed: PDF text wraps inside them (「明\n確になるよう」). */
export function classifyResponse(response: string): Disposition {
  const text = response.replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/g, '');
  const any = (patterns: readonly RegExp[]) => patterns.some((p) => p.test(text));
  if (any(ACCEPTED)) return 'accepted';
  if (any(AS_DRAFTED)) return 'as-drafted';
  if (any(ALREADY_COVERED)) return 'already-covered';
  if (any(NOTED)) return 'noted';
  return 'other';
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
