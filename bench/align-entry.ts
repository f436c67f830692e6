// Bundled by bench/revisions.mjs: the pieces of the core the alignment benchmark calls.
export { GuidelineModelCache } from '../server/src/core/model/document';
export { alignDocuments } from '../server/src/core/revisions/align';
export { comparisonTable } from '../server/src/core/revisions/table';
