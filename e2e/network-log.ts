import type { Page, Request } from "@playwright/test";

const BARRIER = "/api/health?barrier";

/**
 * Every request the page sends from now on, as Playwright's network events report it
 * (not the browser's resource timing buffer, which is bounded and skips failed requests).
 */
export function logRequests(page: Page) {
  const requests: Request[] = [];
  page.on("request", (request) => {
    if (!request.url().includes(BARRIER)) requests.push(request);
  });
  return {
    /** The requests to `path` on the studio, with `method` if given. */
    to(path: string, method?: string) {
      return requests.filter((r) => new URL(r.url()).pathname === path && (method === undefined || r.method() === method));
    },
    /** Requests that would change something on the studio: anything but GET and HEAD. */
    writes() {
      return requests.filter((r) => r.method() !== "GET" && r.method() !== "HEAD");
    },
    all: () => [...requests],
    /**
     * Resolves once every request the page started before this call has been reported: the
     * page's own fetch, sent after them, is reported after them.
     */
    async settle() {
      await page.evaluate((url) => fetch(url).then((r) => r.status), BARRIER);
    },
  };
}
