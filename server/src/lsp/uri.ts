/** file: URIs <-> paths, one spelling per file (see host/uri.ts). */
import { pathFromUri, uriFromPath, uriKey, uriPath } from '../host/uri';

export const URI = {
  fromPath: uriFromPath,
  toPath: pathFromUri,
  /** The path part of any URI, decoded, for extension checks and display. */
  path: uriPath,
  /** The one spelling the server stores and compares a document's URI by. */
  key: uriKey,
};
