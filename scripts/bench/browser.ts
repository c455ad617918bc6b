import { chromium, type Browser, type Page } from "@playwright/test";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/** Per take id (from the card's /g/<id> link): when its card first showed a video, and when that video could play. */
export type GallerySighting = { shownAt: number; playableAt: number | null };

declare global {
  interface Window {
    __benchSightings?: Record<string, GallerySighting>;
    __benchWatch?: (ids: string[]) => void;
  }
}

/**
 * Runs in the page before the app: watches the gallery for a measured take's card to render
 * its <video> (the card has one only for a completed, archived take), then loads it as a
 * viewer's hover would, and notes the wall-clock time of each step (Date.now(), the bench's
 * clock too). Plain JS in a string: tsx's name-keeping helpers do not exist in the page.
 */
const WATCH_GALLERY = `(() => {
  const sightings = {};
  const watched = new Set();
  window.__benchSightings = sightings;
  const check = () => {
    for (const video of document.querySelectorAll("article video")) {
      const href = video.closest("article")?.querySelector('a[href^="/g/"]')?.getAttribute("href");
      const id = href ? decodeURIComponent(href.slice(3)) : "";
      if (!watched.has(id) || sightings[id]) continue;
      const sighting = { shownAt: Date.now(), playableAt: null };
      sightings[id] = sighting;
      const playable = () => {
        if (sighting.playableAt !== null || video.readyState < 2) return;
        sighting.playableAt = Date.now();
        video.pause();
      };
      video.addEventListener("loadeddata", playable);
      video.addEventListener("canplay", playable);
      video.muted = true;
      video.play().catch(() => undefined);
    }
  };
  window.__benchWatch = (ids) => {
    for (const id of ids) watched.add(id);
    check();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

export async function openGallery(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.addInitScript({ content: WATCH_GALLERY });
  await page.goto(url);
  return page;
}

/** Only the takes being measured are loaded: playing every finished card would load the machine. */
export async function watchTakes(page: Page, ids: string[]): Promise<void> {
  await page.waitForFunction(() => typeof window.__benchWatch === "function");
  await page.evaluate((list) => window.__benchWatch!(list), ids);
}

export function readSightings(page: Page): Promise<Record<string, GallerySighting>> {
  return page.evaluate(() => window.__benchSightings ?? {});
}
