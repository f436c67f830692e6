/**
 * CSV text as bytes for Excel: UTF-8 with a BOM (Excel in Japanese reads UTF-8 without a BOM as
 * Shift_JIS and shows it garbled), or Shift_JIS (CP932) on request for older tools. Characters CP932
 * cannot hold are reported, not silently turned into "?".
 */
import { loadIconv } from '../lazy/libraries';

export type CsvEncoding = 'utf-8-bom' | 'shift_jis';

export interface CsvBytes {
  readonly bytes: Uint8Array;
  /** Distinct characters written as "?" because the encoding has no such character. */
  readonly unmappable: readonly string[];
}

export async function csvBytes(text: string, encoding: CsvEncoding): Promise<CsvBytes> {
  const body = text.replace(/^\uFEFF/, '');
  if (encoding === 'utf-8-bom') return { bytes: new TextEncoder().encode(`\uFEFF${body}`), unmappable: [] };
  const iconv = await loadIconv();
  const unmappable = new Set<string>();
  for (const ch of body) if (ch !== '?' && iconv.decode(iconv.encode(ch, 'cp932'), 'cp932') !== ch) unmappable.add(ch);
  return { bytes: new Uint8Array(iconv.encode(body, 'cp932')), unmappable: [...unmappable] };
}
