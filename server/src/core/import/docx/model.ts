/**
 * A Word document as the importer needs it, read from its OOXML by host/docx: paragraphs with
 * their style's heading level and the number Word's automatic numbering shows, and tables of
 * cell texts. Nothing of Word's layout; only structure.
 */
export interface DocxParagraph {
  readonly kind: 'paragraph';
  /** 0 for Title, 1–9 for Heading 1–9 (or the style's outline level + 1); null for body text. */
  readonly headingLevel: number | null;
  /** The style's name, e.g. `Heading 2`, `List Paragraph`, `toc 1`. */
  readonly styleName: string | null;
  /** The label automatic numbering puts before the text (`（１）`, `②`, `第３章`), if any. */
  readonly numberText: string | null;
  /** True when the numbering is a bullet (・, ●). */
  readonly bullet: boolean;
  /** The text; manual line breaks are `\n`. */
  readonly text: string;
  /** True when every run is bold (a heading written as bold body text). */
  readonly bold: boolean;
}

export interface DocxTable {
  readonly kind: 'table';
  readonly rows: readonly (readonly string[])[];
  /** True when a cell held a table of its own (flattened into text). */
  readonly nested: boolean;
}

interface DocxSkipped {
  readonly kind: 'skipped';
  /** What it was: `picture`, `text box`, `chart`, `equation`. */
  readonly what: string;
  /** Text it held, if any. */
  readonly text: string;
}

export type DocxElement = DocxParagraph | DocxTable | DocxSkipped;

export interface DocxDocument {
  readonly body: readonly DocxElement[];
}
