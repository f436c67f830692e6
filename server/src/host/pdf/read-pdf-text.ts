/**
 * Reads a PDF's text items with their geometry through pdf.js (unpdf's serverless build, bundled;
 * no worker, no network). The core's layout analyses take the result; nothing here interprets it.
 */
import { normalizePdfText, type PageText, type TextItem } from '../../core/layout/page-text';
import { loadUnpdf } from '../lazy/libraries';

export class PdfReadError extends Error {}

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/** Pages of the PDF in `bytes`; throws PdfReadError when the bytes are not a readable PDF. */
export async function readPdfText(bytes: Uint8Array): Promise<PageText[]> {
  const { getDocumentProxy } = await loadUnpdf();
  let pdf;
  try {
    // pdf.js detaches the buffer it is given and refuses Node's Buffer: hand it a plain copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (error) {
    throw new PdfReadError(error instanceof Error ? error.message : String(error));
  }
  const pages: PageText[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [, , width, height] = page.view;
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    for (const raw of content.items as PdfTextItem[]) {
      if (!('str' in raw) || raw.str === '') continue;
      const [a, b, , d, e, f] = raw.transform;
      const size = Math.hypot(a, b) || Math.abs(d) || raw.height;
      items.push({
        text: normalizePdfText(raw.str),
        x: e,
        y: height - f - size,
        width: raw.width,
        height: size,
        fontName: raw.fontName,
      });
    }
    pages.push({ page: n, width, height, items });
    page.cleanup();
  }
  await pdf.destroy();
  return pages;
}
