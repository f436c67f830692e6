/**
 * The morphological tier's interface, as the core sees it: tokens with surface, part of speech,
 * base form and offsets. The core never loads an analyser; the host hands one in through
 * `CheckConfig.tokenizer` (kuromoji with IPADIC, host/morph/kuromoji.ts), and rules that need it
 * degrade to their pattern part while it is absent (setting off, or not loaded yet).
 */
export interface MorphToken {
  readonly surface: string;
  /** IPADIC part of speech, e.g. 副詞, 名詞, 接続詞. */
  readonly pos: string;
  /** The first sub-category, e.g. 一般, 副詞可能, 非自立. */
  readonly posDetail: string;
  readonly baseForm: string;
  /** The reading in katakana (IPADIC), when the dictionary knows the word. */
  readonly reading?: string;
  /** UTF-16 offsets in the tokenized text. */
  readonly start: number;
  readonly end: number;
}

export interface MorphTokenizer {
  tokenize(text: string): readonly MorphToken[];
}
