/** file: URIs <-> paths without a dependency (the server only meets file: and untitled: URIs). */
import { fileURLToPath, pathToFileURL } from 'node:url';

export const URI = {
  fromPath(path: string): string {
    return pathToFileURL(path).href;
  },
  toPath(uri: string): string | undefined {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  },
  /** The path part of any URI, decoded, for extension checks and display. */
  path(uri: string): string {
    try {
      return decodeURIComponent(new URL(uri).pathname);
    } catch {
      return uri;
    }
  },
};
