/**
 * The server's side of the morphological tier: when the settings turn on a rule that needs the
 * analyser, load it in the background (once); until it is there the pattern rules answer, then the
 * checks get a configuration carrying it and every diagnostic is refreshed. A dictionary that cannot
 * be loaded is logged once; the pattern rules keep working.
 */
import { needsMorphology } from '../core/checks/config';
import { loadKuromojiTokenizer } from '../host/morph/kuromoji';
import type { ServerState } from './state';

export function morphologyLoader(state: ServerState, refresh: () => void, log: (message: string) => void): () => void {
  let started = false;
  return () => {
    if (started || !needsMorphology(state.checkConfig)) return;
    started = true;
    const begin = Date.now();
    const rss = process.memoryUsage().rss;
    loadKuromojiTokenizer().then(
      (tokenizer) => {
        // The cost docs/rules.md weighs the default against: time, and the memory the process grew by.
        const grown = Math.round((process.memoryUsage().rss - rss) / 1048576);
        log(`morphological dictionary loaded in ${Date.now() - begin} ms (RSS +${grown} MB)`);
        state.setMorphology(tokenizer);
        refresh();
      },
      (error: unknown) => log(`morphological dictionary not loaded: ${error instanceof Error ? error.message : error}`),
    );
  };
}
