/**
 * The entries of a ZIP archive, read with Node's zlib: xlsx and docx are ZIP files of XML, and both
 * the comment tables and the Word import read them here. No library, so the bundle carries no
 * code-evaluating helpers. Stored and deflated entries; no ZIP64 (office files are far below 4 GB). An entry may not inflate beyond `maxEntryBytes` (a zip bomb).
 */
import { inflateRawSync } from 'node:zlib';

export class ZipReadError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries by name, inflated lazily. */
export function readZip(bytes: Uint8Array, maxEntryBytes = 64 * 1024 * 1024): Map<string, () => Buffer> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65557); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipReadError('not a ZIP archive (no end of central directory)');
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const entries = new Map<string, () => Buffer>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL)
      throw new ZipReadError('broken central directory');
    const method = buffer.readUInt16LE(at + 10);
    const compressed = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const skip = nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    entries.set(name, () => {
      if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOCAL)
        throw new ZipReadError(`broken entry ${name}`);
      const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
      const data = buffer.subarray(start, start + compressed);
      if (method === 0) return data;
      if (method !== 8) throw new ZipReadError(`unsupported compression ${method} in ${name}`);
      try {
        return inflateRawSync(data, { maxOutputLength: maxEntryBytes });
      } catch (error) {
        throw new ZipReadError(`${name}: ${(error as Error).message}`);
      }
    });
  }
  return entries;
}
