/**
 * The morphological analyser for the 公用文 rules: kuromoji with its IPADIC dictionary, shipped
 * with the extension in dist/dict (copied by scripts/build.mjs) and read from node_modules when
 * running from the sources. Loaded only when a rule that needs it is on (`needsMorphology`), once
 * per process; nothing of the dictionary is read before.
 */
import { existsSync, readFile } from 'node:fs';
import { gunzip } from 'node:zlib';
import { join } from 'node:path';
import type * as Kuromoji from 'kuromoji';
import type { MorphToken, MorphTokenizer } from '../../core/checks/morph/types';

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

/**
 * kuromoji's Node loader gunzips each dictionary file and then copies the result into a new
 * ArrayBuffer, so every file is held twice until a GC that often comes late: about 60 MB more RSS
 * for nothing (bench/official.mjs). This loader hands over the gunzipped buffer itself.
 */
function loadWithoutCopy(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loader = require('kuromoji/src/loader/NodeDictionaryLoader') as {
    prototype: { loadArrayBuffer(file: string, done: (error: unknown, buffer?: ArrayBuffer) => void): void };
  };
  loader.prototype.loadArrayBuffer = (file, done) => {
    readFile(file, (readError, compressed) => {
      if (readError) return done(readError);
      gunzip(compressed, (gunzipError, data) => {
        if (gunzipError) return done(gunzipError);
        const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
        done(
          null,
          whole
            ? (data.buffer as ArrayBuffer)
            : (data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer),
        );
      });
    });
  };
}

let loading: Promise<MorphTokenizer> | undefined;

/** Loads the analyser once; rejects with the reason when the dictionary is missing or broken. */
export function loadKuromojiTokenizer(dicPath = kuromojiDictionaryPath()): Promise<MorphTokenizer> {
  if (loading) return loading;
  loading = new Promise<MorphTokenizer>((resolve, reject) => {
    if (!dicPath) {
      reject(new Error('kuromoji dictionary not found'));
      return;
    }
    // Required here, not at the top: the module and its dictionary cost nothing until a rule needs them.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const kuromoji = require('kuromoji') as typeof Kuromoji;
    loadWithoutCopy();
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
              ...(t.reading ? { reading: t.reading } : {}),
              start,
              end: start + t.surface_form.length,
            };
          });
        },
      });
    });
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
