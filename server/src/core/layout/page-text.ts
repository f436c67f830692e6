/**
 * Text of a paged document (a PDF) as positioned items, the shape every layout analysis reads:
 * comment tables rebuilt into cells, guidelines imported into Markdown. The host reads the bytes
 * (host/pdf); the core only sees these plain values, in top-down coordinates.
 */
export interface TextItem {
  readonly text: string;
  /** Left edge, in points from the page's left. */
  readonly x: number;
  /** Top of the glyph box, in points from the page's top (y grows downwards). */
  readonly y: number;
  readonly width: number;
  /** Glyph box height; the font size for horizontal text. */
  readonly height: number;
  /**
   * pdf.js's id of the font (per document). Weight is not known: Chromium and many Word exports
   * embed Type 3 or subset fonts without a usable name, so headings are told by size and numbering.
   */
  readonly fontName: string;
}

export interface PageText {
  /** 1-based page number. */
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly items: readonly TextItem[];
}

/** Kangxi and CJK radicals (U+2E80–U+2FDF) that some PDF producers emit for ordinary kanji (⾒ for 見). */
const RADICALS = /[\u2e80-\u2fdf]/g;

/**
 * CJK Radicals Supplement forms that PDF fonts map to, for the kanji they print; NFKC knows only one
 * of them (the Kangxi radicals U+2F00– all have NFKC forms).
 */
const SUPPLEMENT_RADICALS: Readonly<Record<string, string>> = {
  '\u2e9f': '母',
  '\u2ea0': '民',
  '\u2ec4': '西',
  '\u2ec5': '見',
  '\u2ed1': '長',
  '\u2ed8': '青',
  '\u2edd': '食',
  '\u2ee4': '鬼',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eeb': '斉',
  '\u2eed': '歯',
  '\u2eef': '竜',
  '\u2ef2': '亀',
};

/**
 * Replaces radical code points with the kanji they stand for. Only those: a full NFKC would also
 * turn full-width digits and brackets half-width, which the documents use on purpose.
 */
export function normalizeRadicals(text: string): string {
  return text.replace(RADICALS, (c) => SUPPLEMENT_RADICALS[c] ?? c.normalize('NFKC'));
}

/**
 * Text as the PDF's author typed it: radicals as kanji, and WAVE DASH (U+301C), which fonts map the
 * 「～」 glyph of Japanese documents to, as the FULLWIDTH TILDE those documents are written with.
 */
export function normalizePdfText(text: string): string {
  return normalizeRadicals(text).replace(/\u301c/g, '\uff5e');
}
