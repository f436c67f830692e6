/**
 * The WHATWG text codecs, which every JavaScript host the core runs in provides (Node, browsers,
 * VS Code's web worker). Declared here because the core compiles against the ECMAScript library
 * alone: neither Node's types nor the DOM's belong in it.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
