/**
 * Checks see each chunk of a guideline as a segment keyed by its ChunkModel, which versions share:
 * an edit re-checks only the chunks it changed. Findings, the katakana counts and the server's
 * sliced warm-up all go through here, so that they find one another's cached analyses.
 */
import { analyzeKeyedSegment, type KeyedSegment, type SegmentAnalysis } from '../checks/segment';
import type { CheckConfig } from '../checks/types';
import type { Chunk } from '../model/chunks';
import type { GuidelineDocument } from '../model/document';

type ChunkLike = Pick<Chunk, 'start' | 'text' | 'model'>;

function chunkSegment(chunk: ChunkLike): KeyedSegment {
  return { start: chunk.start, text: chunk.text, key: chunk.model };
}

export function chunkSegments(document: GuidelineDocument): KeyedSegment[] {
  return document.chunks.map(chunkSegment);
}

export function analyzeChunk(chunk: ChunkLike, config: CheckConfig): SegmentAnalysis {
  return analyzeKeyedSegment(chunkSegment(chunk), config);
}
