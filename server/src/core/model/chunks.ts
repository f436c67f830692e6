/**
 * Chunks: the unit of caching. A `ChunkModel` holds everything derived from one chunk's text alone
 * (its parse, its heading, its line count) with offsets relative to the chunk; it is immutable and
 * shared by every document version in which that text stands. A `Chunk` places a model at an
 * offset and a line of one version. An edit creates new models for the chunks it touched only, and
 * every later analysis keyed by the model (outline, references, checks) is reused for the rest.
 */
import { parseChunk, type ParsedChunk } from './parse';
import type { HeadingLine } from './scan';

export interface ChunkModel {
  readonly text: string;
  /** The heading, offsets relative to the chunk start. */
  readonly heading: HeadingLine | null;
  readonly parsed: ParsedChunk;
  /** Line breaks in the text: the next chunk starts that many lines further down. */
  readonly lineBreaks: number;
}

export class Chunk {
  private absoluteHeading: HeadingLine | null | undefined;

  constructor(
    readonly start: number,
    /** The line the chunk starts on. */
    readonly line: number,
    readonly model: ChunkModel,
  ) {}

  get end(): number {
    return this.start + this.model.text.length;
  }

  get text(): string {
    return this.model.text;
  }

  get parsed(): ParsedChunk {
    return this.model.parsed;
  }

  /** The heading with document offsets. */
  get heading(): HeadingLine | null {
    if (this.absoluteHeading === undefined) {
      const h = this.model.heading;
      this.absoluteHeading = h && {
        ...h,
        textStart: h.textStart + this.start,
        textEnd: h.textEnd + this.start,
        lineStart: h.lineStart + this.start,
        lineEnd: h.lineEnd + this.start,
      };
    }
    return this.absoluteHeading;
  }
}

function countBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  // A lone \r ends a line too (LineIndex agrees).
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) count++;
  return count;
}

/** Bounded cache of chunk models by text; counts parses so tests can prove reuse. */
export class ChunkModelCache {
  private readonly entries = new Map<string, ChunkModel>();
  parses = 0;

  constructor(private readonly capacity = 20000) {}

  get(text: string, heading: HeadingLine | null, chunkStart: number): ChunkModel {
    const hit = this.entries.get(text);
    if (hit) {
      // Refresh recency: Map iteration order is insertion order.
      this.entries.delete(text);
      this.entries.set(text, hit);
      return hit;
    }
    const relative = heading && {
      ...heading,
      textStart: heading.textStart - chunkStart,
      textEnd: heading.textEnd - chunkStart,
      lineStart: heading.lineStart - chunkStart,
      lineEnd: heading.lineEnd - chunkStart,
    };
    const model: ChunkModel = { text, heading: relative, parsed: parseChunk(text), lineBreaks: countBreaks(text) };
    this.parses++;
    this.entries.set(text, model);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return model;
  }
}
