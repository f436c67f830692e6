/**
 * Node flags for the server process. The extension starts the server with them, and so does the
 * benchmark, which measures the server as the extension runs it; editors that start
 * `guideline lsp --stdio` themselves can pass them too (docs/cli.md).
 *
 * --max-semi-space-size: the analysis of a guideline allocates tens of megabytes, most of it
 * per-chunk results that live on. With V8's default young generation (16 MB semi-spaces) these
 * are copied by several scavenges before they are promoted; at 32 MB a cold analysis of a 460 KB
 * guideline takes about 30 ms instead of 55 (BENCHMARKS.md). The memory is used only while the
 * young generation is full.
 */
import flags from './server-node-flags.json';

export const SERVER_NODE_FLAGS: readonly string[] = flags;
