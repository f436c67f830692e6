/**
 * The morphological analyser for the 公用文 rules: kuromoji with its IPADIC dictionary, shipped
 * with the extension in dist/dict (copied by scripts/build.mjs) and read from node_modules when
 * running from the sources. Loaded only when a rule that needs it is on (`needsMorphology`), once
 * per process; nothing of the dictionary is read before.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MorphToken, MorphTokenizer } from '../../core/checks/morph/types';
import { loadKuromoji } from '../lazy/libraries';

/** The dictionary folder: next to the bundle (dist/dict), else the kuromoji package's. */
function kuromojiDictionaryPath(): string | undefined {
  const candidates = [join(__dirname, 'dict'), join(__dirname, '..', 'dist', 'dict')];
  try {
    candidates.push(join(require.resolve('kuromoji/package.json'), '..', 'dict'));
  } catch {
    // Bundled without node_modules: only dist/dict.
  }
  return candidates.find((dir) => existsSync(join(dir, 'base.dat.gz')));
}

let loading: Promise<MorphTokenizer> | undefined;

/** Loads the analyser once; rejects with the reason when the dictionary is missing or broken. */
export function loadKuromojiTokenizer(dicPath = kuromojiDictionaryPath()): Promise<MorphTokenizer> {
  if (loading) return loading;
  // Loaded here, not at the top: the module and its dictionary cost nothing until a rule needs them.
  loading = loadKuromoji().then(
    (kuromoji) =>
      new Promise<MorphTokenizer>((resolve, reject) => {
        if (!dicPath) {
          reject(new Error('kuromoji dictionary not found'));
          return;
        }
        kuromoji.builder({ dicPath }).build((error, tokenizer) => {
          if (error) {
            reject(error);
            return;
          }
          resolve({
            tokenize(text: string): readonly MorphToken[] {
              return tokenizer.tokenize(text).map((t) => {
                const start = t.word_position - 1;
                return {
                  surface: t.surface_form,
                  pos: t.pos,
                  posDetail: t.pos_detail_1,
                  baseForm: t.basic_form,
                  start,
                  end: start + t.surface_form.length,
                };
              });
            },
          });
        });
      }),
  );
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
