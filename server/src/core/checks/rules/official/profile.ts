/**
 * Which 公用文 profile governs each part of a segment. 「公用文作成の考え方」 relaxes some rules for
 * explanatory and public-facing text (または, 本則の送り仮名), so the rules ask the profile at each
 * offset: 【例文】 is model regulation text and always `notice`; （解説）, 【趣旨】 and other text
 * follow the project's profile; `<!-- guideline-profile explanatory -->` (or `notice`) sets the
 * profile from there to the end of the section, until the next part marker.
 */
import type { CheckConfig, OfficialProfile, OfficialSettings } from '../../types';
import { parsePartMarker } from '../../../model/markers';
import { execAll } from '../../../text/regex';

export const DEFAULT_OFFICIAL_SETTINGS: OfficialSettings = { profile: 'notice', comma: '、' };

export function officialSettings(config: CheckConfig): OfficialSettings {
  return config.official ?? DEFAULT_OFFICIAL_SETTINGS;
}

const HEADING = /^#{1,6}[ \t]+/;
const DIRECTIVE = /<!--[ \t]*guideline-profile[ \t]+(notice|explanatory)[ \t]*-->/g;

export interface ProfileMap {
  /** The profile in force at an offset of the segment. */
  at(offset: number): OfficialProfile;
}

/** Profile changes of a segment in offset order; `text` is the raw segment (comments included). */
export function profileMap(text: string, projectProfile: OfficialProfile): ProfileMap {
  const changes: Array<{ start: number; profile: OfficialProfile }> = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    // Part markers stand at the start of a line, possibly after a heading's #s.
    const heading = HEADING.test(line);
    const marker = parsePartMarker(heading ? line.replace(HEADING, '') : line);
    if (marker) changes.push({ start: lineStart, profile: marker.part === '例文' ? 'notice' : projectProfile });
    // A directive holds to the end of its section: a heading starts the next one with the project's
    // profile. The checks see one section at a time, but fix-all sees the whole document at once.
    else if (heading && lineStart > 0) changes.push({ start: lineStart, profile: projectProfile });
    for (const m of execAll(DIRECTIVE, line)) {
      changes.push({ start: lineStart + m.index, profile: m[1] as OfficialProfile });
    }
    lineStart = lineEnd + 1;
  }
  if (changes.length === 0) return { at: () => projectProfile };
  return {
    at(offset: number): OfficialProfile {
      // The last change at or before the offset.
      let low = 0;
      let high = changes.length - 1;
      let found = -1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (changes[mid].start <= offset) {
          found = mid;
          low = mid + 1;
        } else high = mid - 1;
      }
      return found < 0 ? projectProfile : changes[found].profile;
    },
  };
}
