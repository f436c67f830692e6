/**
 * kuromoji and its Node dictionary loader as one module: in dist the bundle dist/lazy/kuromoji.js
 * (scripts/build.mjs), loaded through host/lazy/libraries.ts. One copy of each, so that the loader
 * host/morph/kuromoji.ts replaces is the one kuromoji's builder uses.
 */
import kuromoji from 'kuromoji';

export interface NodeDictionaryLoaderClass {
  prototype: { loadArrayBuffer(file: string, done: (error: unknown, buffer?: ArrayBuffer) => void): void };
}

// The package has no types for its internals.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const NodeDictionaryLoader = require('kuromoji/src/loader/NodeDictionaryLoader') as NodeDictionaryLoaderClass;

export { kuromoji };
