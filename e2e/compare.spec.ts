import { expect, test, type Page } from "@playwright/test";
import { makeTakesThroughApi } from "./helpers";

type PlayerReading = { time: number; ended: boolean; duration: number };

/**
 * Reads every player on each animation frame while the transport plays, in the page itself (a
 * round trip per reading could miss the end on a busy machine): the first reading past each
 * whole second, and the last one taken before the longest take's final frames. At 2 s it
 * knocks two followers off, as a stalled decoder would: one jumps 6 frames ahead, one runs 20 %
 * fast, and the transport has to bring them back.
 */
function recordPlayback(page: Page): Promise<{ perSecond: PlayerReading[][]; last: PlayerReading[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const perSecond: PlayerReading[][] = [];
        let last: PlayerReading[] = [];
        let knocked = false;
        const read = () => [...document.querySelectorAll("video")].map((video) => ({ time: video.currentTime, ended: video.ended, duration: video.duration }));
        const frame = () => {
          // One task reads them all: Chromium updates currentTime between tasks, not within one.
          const players = read();
          const master = players[0];
          if (!master || master.ended || master.time >= master.duration - 2 / 24) {
            resolve({ perSecond, last });
            return;
          }
          last = players;
          if (master.time >= perSecond.length + 1) perSecond.push(players);
          const [, ahead, fast] = document.querySelectorAll("video");
          if (perSecond.length === 2 && ahead && fast && !knocked) {
            knocked = true;
            ahead.currentTime += 6 / 24;
            fast.playbackRate = 1.2;
          }
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
}

/** The spread (max − min) of the players still inside their take (a shorter one holds its end). */
function spreadOf(players: PlayerReading[]): number {
  const running = players.filter((player) => !player.ended && player.time < player.duration - 2 / 24).map((player) => player.time);
  return running.length < 2 ? 0 : Math.max(...running) - Math.min(...running);
}

test("compare: three takes under one transport stay within one frame of each other through 10 s of playback", async ({ page }) => {
  test.slow();
  const ids = await makeTakesThroughApi(page, [
    { prompt: "Compare: a harbour at dawn, slow push in", duration: 10 },
    { prompt: "Compare: a harbour at dusk, slow push in", duration: 10 },
    { prompt: "Compare: a harbour at dusk, short", duration: 5 },
  ]);
  await page.goto(`/compare?ids=${ids.join(",")}`);
  const videos = page.locator("video");
  await expect(videos).toHaveCount(3);
  await expect(page.getByRole("region", { name: "What differs" })).toContainText("Duration differs");
  // Every player has its first frames before the transport starts them together.
  await expect.poll(() => videos.evaluateAll((all) => all.every((v) => (v as HTMLVideoElement).readyState >= 3)), { timeout: 30_000 }).toBe(true);

  const recording = recordPlayback(page);
  await page.getByRole("button", { name: "Play" }).click();
  const { perSecond, last } = await recording;
  const spreads = perSecond.map(spreadOf);
  const final = spreadOf(last);
  const frame = 1 / 24;
  const ms = (seconds: number) => `${(seconds * 1000).toFixed(1)} ms`;
  console.log(
    `compare sync: at ${last[0]?.time.toFixed(2)} s of playback the players differ by ${ms(final)} (${(final / frame).toFixed(2)} frame); ` +
      `at each second from 1 s: ${spreads.map(ms).join(", ")}; the 5 s take held at ${last[2]?.time.toFixed(3)} s`,
  );
  // The last reading before the final frames: on a busy machine animation frames can come half a second apart.
  expect(last[0]?.time).toBeGreaterThan(9);
  expect(last.filter((player) => !player.ended)).toHaveLength(2);
  expect(final).toBeLessThanOrEqual(frame);
  // The short take held its last frame rather than stopping early or running on.
  expect(last[2]?.time).toBeGreaterThan(4.9);
});

test("compare: a wrong address says what to change", async ({ page }) => {
  await page.goto("/compare?ids=only-one");
  await expect(page.getByRole("alert")).toContainText("Compare needs at least 2 takes");
  await page.goto("/compare?ids=nope-1,nope-2");
  await expect(page.getByRole("alert")).toContainText("No take has the id “nope-1”");
});
