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
}

/** A heading moved by `by`: a literal in HeadingLine's field order, not a spread copy. */
function shiftedHeading(h: HeadingLine, by: number): HeadingLine {
  return {
    level: h.level,
    text: h.text,
    textStart: h.textStart + by,
    textEnd: h.textEnd + by,
    lineStart: h.lineStart + by,
    lineEnd: h.lineEnd + by,
  };
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
      this.absoluteHeading = h && shiftedHeading(h, this.start);
    }
    return this.absoluteHeading;
  }
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
    const relative = heading && shiftedHeading(heading, -chunkStart);
    const model: ChunkModel = { text, heading: relative, parsed: parseChunk(text) };
    this.parses++;
    this.entries.set(text, model);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return model;
  }
}
