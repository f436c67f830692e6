/** Runs one 公用文 rule on a text (not a test file itself). */
import { checkSegment } from '../../../../server/src/core/checks/segment';
import { applyOffsetEdits } from '../../../../server/src/core/checks/fixes';
import { toCheckConfig } from '../../../../server/src/core/config/check-config';
import type { CheckConfig } from '../../../../server/src/core/checks/types';
import type { MorphTokenizer } from '../../../../server/src/core/checks/morph/types';

const config = toCheckConfig({}, {}, []);

/** The default configuration with the morphological rules on and the real analyser. */
export function configWithTokenizer(tokenizer: MorphTokenizer | undefined): CheckConfig {
  return toCheckConfig(
    { 'official-adverb-kanji': 'information', 'official-compound-noun': 'information' },
    {},
    [],
    {},
    tokenizer,
  );
}

/** The rule's findings, the flagged substrings, and the text after its safe fixes. */
export function officialRun(code: string, text: string, checks: CheckConfig = config) {
  const findings = checkSegment(text, checks).filter((f) => f.code === code);
  const edits = findings.flatMap((f) => {
    const fix = f.fixes?.find((x) => x.safe);
    return fix ? [{ start: fix.start, end: fix.end, newText: fix.replacement }] : [];
  });
  return {
    flagged: findings.map((f) => text.slice(f.start, f.end)),
    fixed: applyOffsetEdits(text, edits).text,
    findings,
  };
}
