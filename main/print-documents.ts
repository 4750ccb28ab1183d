import { randomUUID } from 'node:crypto';
import { APP_ORIGIN } from './security-policy';

/** URL path under which print documents are served by the app:// handler. */
export const PRINT_PATH = '/_print/';

/**
 * Finished print documents, held in memory only for as long as a print or PDF job
 * needs them, and served at app://app/_print/<id>.html. Serving them from our own
 * origin (instead of a data: URL) lets them load the shipped font under the same CSP,
 * and nothing classified is ever written to a temporary file.
 */
export class PrintDocuments {
  private readonly docs = new Map<string, string>();

  put(html: string): { url: string; release: () => void } {
    const id = randomUUID();
    this.docs.set(id, html);
    return { url: `${APP_ORIGIN}${PRINT_PATH}${id}.html`, release: () => this.docs.delete(id) };
  }

  /** `name` is the last path segment of the request, `<id>.html`. */
  get(name: string): string | undefined {
    const m = /^([0-9a-f-]{36})\.html$/.exec(name);
    return m ? this.docs.get(m[1] as string) : undefined;
  }

  get size(): number {
    return this.docs.size;
  }
}
