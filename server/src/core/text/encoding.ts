/**
 * Bytes to text for files users bring in (comment tables exported from Excel are often Shift_JIS,
 * sometimes UTF-16). Detection order: BOM, valid UTF-8, UTF-16 without BOM (NUL pattern), CP932.
 * Nothing is decoded silently wrong: invalid or cut-off sequences, NUL bytes and guesses are reported
 * as problems located in the decoded text.
 */
import { localize, type Localized } from '../i18n/locale';
import { LineIndex, type Range } from './position';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'shift_jis';
type DecodeConfidence = 'certain' | 'likely' | 'unsure';

export interface DecodeProblem {
  readonly code: 'encoding-invalid' | 'encoding-truncated' | 'encoding-nul' | 'encoding-guess';
  readonly message: Localized;
  /** Where in the decoded text. */
  readonly range: Range;
  readonly byteOffset: number;
}

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
  readonly confidence: DecodeConfidence;
  readonly problems: readonly DecodeProblem[];
}

const ENCODING_NAMES: Readonly<Record<TextEncoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  shift_jis: 'Shift_JIS (CP932)',
};

const MESSAGES = {
  invalid: {
    ja: '{encoding} として読めないバイト列があります（{byte} バイト目）。文字化けしている可能性があります。',
    en: 'Bytes that are not valid {encoding} at byte {byte}; the text may be garbled.',
  },
  truncated: {
    ja: 'ファイルが文字の途中で切れています（{encoding}、{byte} バイト目）。',
    en: 'The file ends in the middle of a character ({encoding}, byte {byte}).',
  },
  nul: {
    ja: 'NUL 文字（0x00）が含まれています（{byte} バイト目）。テキストファイルではない可能性があります。',
    en: 'The file contains a NUL byte (0x00) at byte {byte}; it may not be a text file.',
  },
  guess: {
    ja: '文字コードを判定できませんでした。{encoding} として読みましたが、正しくない可能性があります。',
    en: 'Could not determine the character encoding; read as {encoding}, which may be wrong.',
  },
};

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text, when `bytes` are valid UTF-8: the native decoder validates a whole guideline in a fraction
 * of what the byte loop below takes, and its text is the one decodeBytes returns (not decoded twice).
 */
function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

interface Utf8Scan {
  readonly invalidAt: number | null;
  readonly truncatedAt: number | null;
  /** The decoded text, when the bytes are valid. */
  readonly text?: string;
}

/** The first invalid offset, or the start of a sequence cut off at the end, if any. */
function scanUtf8(bytes: Uint8Array, from: number): Utf8Scan {
  const text = strictUtf8(bytes.subarray(from));
  if (text !== undefined) return { invalidAt: null, truncatedAt: null, text };
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return { invalidAt: i, truncatedAt: null };
    if (i + need >= bytes.length) {
      // Not enough bytes left: either cut off (all present bytes are continuations) or invalid.
      for (let k = i + 1; k < bytes.length; k++)
        if ((bytes[k] & 0xc0) !== 0x80) return { invalidAt: i, truncatedAt: null };
      return { invalidAt: null, truncatedAt: i };
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return { invalidAt: i, truncatedAt: null };
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { invalidAt: i, truncatedAt: null };
    i += need + 1;
  }
  return { invalidAt: null, truncatedAt: null };
}

/** First structurally invalid CP932 offset, or a lead byte cut off at the end. */
function scanCp932(bytes: Uint8Array): { invalidAt: number | null; truncatedAt: number | null } {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80 || (b >= 0xa1 && b <= 0xdf)) {
      i++;
      continue;
    }
    if ((b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc)) {
      if (i + 1 >= bytes.length) return { invalidAt: null, truncatedAt: i };
      const t = bytes[i + 1];
      if (t < 0x40 || t === 0x7f || t > 0xfc) return { invalidAt: i, truncatedAt: null };
      i += 2;
      continue;
    }
    return { invalidAt: i, truncatedAt: null };
  }
  return { invalidAt: null, truncatedAt: null };
}

function utf16NulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 16) return null; // too little to tell a NUL pattern from a stray NUL
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

function decodeWith(encoding: TextEncoding, bytes: Uint8Array): string {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return new TextDecoder('utf-8').decode(bytes);
    case 'utf-16le':
      return new TextDecoder('utf-16le').decode(bytes);
    case 'utf-16be':
      return new TextDecoder('utf-16be').decode(bytes);
    case 'shift_jis':
      // WHATWG's Shift_JIS is Windows-31J (CP932): NEC and IBM extensions such as ① included.
      return new TextDecoder('shift_jis').decode(bytes);
  }
}

/** Japanese characters make a CP932 reading plausible; random high bytes rarely decode to many. */
function japaneseRatio(text: string): number {
  let high = 0;
  let japanese = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    high++;
    if ((c >= 0x3000 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef)) japanese++;
  }
  return high === 0 ? 1 : japanese / high;
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  let encoding: TextEncoding;
  let confidence: DecodeConfidence;
  let invalidAt: number | null = null;
  let truncatedAt: number | null = null;
  let bodyStart = 0;
  let validText: string | undefined;

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    [encoding, confidence, bodyStart] = ['utf-8-bom', 'certain', 3];
    ({ invalidAt, truncatedAt, text: validText } = scanUtf8(bytes, 3));
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    [encoding, confidence, bodyStart] = [bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', 'certain', 2];
    if ((bytes.length - 2) % 2 === 1) truncatedAt = bytes.length - 1;
  } else {
    const utf8 = scanUtf8(bytes, 0);
    const utf16 = utf16NulPattern(bytes);
    if (utf8.invalidAt === null && !utf16) {
      [encoding, confidence] = ['utf-8', 'certain'];
      truncatedAt = utf8.truncatedAt;
      validText = utf8.text;
    } else if (utf16) {
      [encoding, confidence] = [utf16, 'likely'];
      if (bytes.length % 2 === 1) truncatedAt = bytes.length - 1;
    } else {
      const sjis = scanCp932(bytes);
      encoding = 'shift_jis';
      ({ invalidAt, truncatedAt } = sjis);
      const decoded = decodeWith('shift_jis', bytes);
      confidence = sjis.invalidAt === null && japaneseRatio(decoded) >= 0.8 ? 'likely' : 'unsure';
      if (sjis.invalidAt !== null && (utf8.invalidAt ?? 0) > sjis.invalidAt) {
        // More of the file reads as UTF-8 than as Shift_JIS: a damaged UTF-8 file.
        [encoding, confidence, invalidAt, truncatedAt] = ['utf-8', 'unsure', utf8.invalidAt, null];
      }
    }
  }

  const decode = (end: number) => {
    const text = decodeWith(encoding, bytes.subarray(bodyStart, Math.max(bodyStart, end)));
    return encoding === 'utf-8-bom' || bodyStart > 0 ? text.replace(/^\uFEFF/, '') : text;
  };
  const text = validText?.replace(/^\uFEFF/, '') ?? decode(bytes.length);
  if (invalidAt === null && encoding !== 'utf-8' && encoding !== 'utf-8-bom') {
    // A well-formed sequence without a character (CP932 0xEFBB, a lone UTF-16 surrogate) decodes to
    // U+FFFD: report it rather than show the replacement silently.
    const replaced = text.indexOf('\uFFFD');
    const byte = replaced < 0 ? -1 : byteOffsetOfChar(encoding, bodyStart, text, replaced);
    const literal =
      encoding === 'utf-16le'
        ? bytes[byte] === 0xfd && bytes[byte + 1] === 0xff
        : encoding === 'utf-16be' && bytes[byte] === 0xff && bytes[byte + 1] === 0xfd;
    if (byte >= 0 && !literal && (truncatedAt === null || byte < truncatedAt)) invalidAt = byte;
  }
  let index: LineIndex | undefined;
  const problems: DecodeProblem[] = [];
  const at = (byteOffset: number, code: DecodeProblem['code'], message: Localized) => {
    const offset = decode(byteOffset).length;
    index ??= new LineIndex(text);
    problems.push({
      code,
      byteOffset,
      range: index.rangeOf(offset, Math.min(text.length, offset + 1)),
      message: fill(message, { encoding: ENCODING_NAMES[encoding], byte: byteOffset }),
    });
  };
  if (invalidAt !== null) at(invalidAt, 'encoding-invalid', MESSAGES.invalid);
  if (truncatedAt !== null) at(truncatedAt, 'encoding-truncated', MESSAGES.truncated);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) at(byteOffsetOfChar(encoding, bodyStart, text, nul), 'encoding-nul', MESSAGES.nul);
  if (confidence === 'unsure') at(0, 'encoding-guess', MESSAGES.guess);
  return { text, encoding, confidence, problems };
}

/** Byte offset of the character at a UTF-16 index of the decoded text. */
function byteOffsetOfChar(encoding: TextEncoding, bodyStart: number, text: string, charIndex: number): number {
  const prefix = text.slice(0, charIndex);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return bodyStart + charIndex * 2;
  if (encoding === 'shift_jis') return cp932ByteLength(prefix);
  return bodyStart + new TextEncoder().encode(prefix).length;
}

/**
 * Bytes of `text` in CP932: one for ASCII and half-width katakana, two for every other character
 * the encoding has. The text was decoded from CP932, so each character came from one such unit.
 */
function cp932ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 || (code >= 0xff61 && code <= 0xff9f) ? 1 : 2;
  }
  return bytes;
}

function fill(message: Localized, args: Record<string, string | number>): Localized {
  return { ja: localize('ja', message, args), en: localize('en', message, args) };
}
