import { expect, test, type Locator, type Page } from "@playwright/test";
import { axeFindings } from "./axe";
import { makeFrame } from "./fixtures";
import { cardOf, chooseFrame, expectCompleted, makeTakesThroughApi } from "./helpers";

/** Every state is checked in both colour schemes, on a desktop and on a 360 px phone. */
const MODES = [
  { name: "light, 1280 px", colorScheme: "light", width: 1280 },
  { name: "dark, 1280 px", colorScheme: "dark", width: 1280 },
  { name: "light, 360 px", colorScheme: "light", width: 360 },
  { name: "dark, 360 px", colorScheme: "dark", width: 360 },
] as const;

/** axe-core finds nothing (all rules in light, the colour rules in dark), and nothing is wider than a phone's screen, in every mode. */
async function expectAccessible(page: Page, state: string) {
  for (const mode of MODES) {
    await page.setViewportSize({ width: mode.width, height: 800 });
    // Reduced motion: colours are checked at rest, not halfway through a fade.
    await page.emulateMedia({ colorScheme: mode.colorScheme, reducedMotion: "reduce" });
    // Behind a modal dialog the page is out of reach (aria-modal, a focus trap) and seen through
    // a dimming backdrop, so only the dialog is judged while one is open.
    const modal = '[role="dialog"][aria-modal="true"]';
    const found = await axeFindings(page, { colourOnly: mode.colorScheme === "dark", include: (await page.locator(modal).count()) > 0 ? modal : undefined });
    expect.soft(found, `axe on ${state}, ${mode.name}`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect.soft(overflow, `horizontal overflow on ${state}, ${mode.name}`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: "light", reducedMotion: "no-preference" });
}

async function submitTake(page: Page, prompt: string) {
  await page.getByLabel(/^Prompt/).fill(prompt);
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(cardOf(page, prompt).first()).toBeVisible();
}

test("every page and state passes axe in light and dark, wide and at 360 px", async ({ page }) => {
  // Many states × four modes: slow by nature, more so on two shared cores.
  test.slow();
  // The empty studio, whatever other specs left in the shared database.
  const listUrl = (url: URL) => url.pathname === "/api/generations";
  await page.route(listUrl, (route) => (route.request().method() === "GET" ? route.fulfill({ json: { items: [], nextCursor: null } }) : route.continue()));
  await page.goto("/");
  await expect(page.getByText(/No takes yet/)).toBeVisible();
  await expect(page.getByLabel(/^Prompt/)).toBeVisible();
  await expectAccessible(page, "the empty studio");
  await page.unroute(listUrl);

  await page.reload();
  await page.getByLabel("Model", { exact: true }).selectOption("gen3a_turbo");
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByText(/Add a first frame/)).toBeVisible();
  await expectAccessible(page, "the form with field errors");

  await chooseFrame(page, "First frame", 40);
  await page.getByRole("button", { name: "Choose first frame from the library" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "the frame library dialog");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // A take that stays running (the simulator reports an unknown status until the deadline),
  // one that completes and one the provider refuses.
  const running = "Axe: a lighthouse beam sweeping the fog [sim:status:paused]";
  const completed = "Axe: rain running down a window at night";
  const failed = "Axe: a refused take [sim:error:SAFETY.INPUT.TEXT]";
  await submitTake(page, running);
  await submitTake(page, completed);
  await submitTake(page, failed);
  await expectCompleted(page, completed);
  await expect(cardOf(page, failed).first()).toHaveAccessibleName(/failed/, { timeout: 60_000 });
  await expect(cardOf(page, running).first()).toHaveAccessibleName(/queued|generating/);
  await expectAccessible(page, "the gallery with a running, a completed and a failed take");

  for (const [prompt, state] of [
    [running, "running"],
    [failed, "failed"],
    [completed, "completed"],
  ] as const) {
    await cardOf(page, prompt).first().getByRole("link", { name: prompt }).click();
    await expect(page.getByRole("heading", { level: 2, name: prompt })).toBeVisible();
    await expectAccessible(page, `the detail page of a ${state} take`);
    if (state !== "completed") await page.goBack();
  }

  // The completed take's review: a note on the scrubber and its pin on the picture.
  await page.getByRole("button", { name: "Add note at this frame" }).click();
  await page.getByRole("button", { name: "Pin to a point on the picture" }).click();
  await page.getByRole("button", { name: /Pin the note here/ }).click();
  await page.getByRole("textbox", { name: /^Note at/ }).fill("Axe: hold on the window");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: /^Note at .*: Axe: hold on the window/ })).toBeVisible();
  await expectAccessible(page, "the detail page with a note");

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "the delete confirmation");
  await page.getByRole("button", { name: "Cancel" }).click();

  const completedId = new URL(page.url()).pathname.split("/").pop() ?? "";
  await page.goto(`/review?ids=${completedId}`);
  await expect(page.getByRole("heading", { level: 1, name: /^Take 1 of 1/ })).toBeVisible();
  await expectAccessible(page, "review mode");
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Review keys" })).toBeVisible();
  await expectAccessible(page, "the review keys dialog");
  await page.keyboard.press("Escape");
  await page.keyboard.press("n");
  await expect(page.getByRole("textbox", { name: /^Note at/ })).toBeFocused();
  await expectAccessible(page, "review mode with the note box");
  await page.keyboard.press("Escape");

  await page.goto("/usage");
  await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
  await expectAccessible(page, "the usage page");

  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page, "the not-found page");
});

test("the projects page and a shot board pass axe, with a take made into a shot from the form", async ({ page }) => {
  test.slow();
  const name = `Axe project ${Date.now()}`;
  await page.goto("/projects");
  const create = page.getByRole("form", { name: "New project" });
  await create.getByLabel("Name").fill(name);
  await create.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("link", { name })).toBeVisible();
  // Colours are judged at rest, not under the pointer left on the button just pressed.
  await page.mouse.move(0, 0);
  await expectAccessible(page, "the projects page");

  await page.getByRole("link", { name }).click();
  const addShot = page.getByRole("form", { name: "Add a shot" });
  for (const code of ["SH010", "SH020"]) {
    await addShot.getByLabel("Code").fill(code);
    await addShot.getByRole("button", { name: "Add shot" }).click();
    await expect(page.getByRole("heading", { level: 3, name: code })).toBeVisible();
  }
  const form = page.getByRole("form", { name: "New take" });
  await form.getByLabel("Project").selectOption({ label: name });
  await form.getByLabel("Shot", { exact: true }).selectOption({ label: "SH020" });
  await chooseFrame(page, "First frame", 200);
  const prompt = "Axe: a boat rocking at the quay";
  await page.getByLabel(/^Prompt/).fill(prompt);
  await page.getByRole("button", { name: "Generate" }).click();
  const row = page.getByRole("listitem", { name: "SH020" });
  await expect(row.getByRole("link", { name: new RegExp(prompt) })).toBeVisible();
  await expect(row.getByText("1 take · 0 circled · 0 rejected · 0 notes")).toBeVisible();
  await row.getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Move up SH020" }).click();
  await expect(page.getByRole("list", { name: "Shots" }).getByRole("heading", { level: 3 }).first()).toHaveText("SH020");
  await page.mouse.move(0, 0);
  await expectAccessible(page, "a shot board with a selected take");
});

/**
 * In the page, after a Tab: where focus is, whether it shows a ring (its own outline, or its
 * ::after's or ::before's, or its label's when the control itself is visually hidden), and whether
 * it has reached `target`. One round trip per stop: the walk passes a whole gallery.
 */
function focusStop(target: Element) {
  const outlined = (node: Element, pseudo?: string) => {
    const style = getComputedStyle(node, pseudo);
    return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || (style.boxShadow !== "none" && /inset|0px 0px 0px/.test(style.boxShadow));
  };
  const visible = (node: Element) => {
    const box = node.getBoundingClientRect();
    return box.width > 2 && box.height > 2;
  };
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const labels = "labels" in element ? [...((element as HTMLInputElement).labels ?? [])] : [];
  const ringed = (visible(element) && (outlined(element) || outlined(element, "::after") || outlined(element, "::before"))) || labels.some((label) => visible(label) && outlined(label));
  const where = `${element.tagName.toLowerCase()} “${element.getAttribute("aria-label") ?? element.textContent?.trim().slice(0, 40) ?? ""}”`;
  return { where, ringed, reached: element === target };
}

/** Tab (or Shift+Tab) until `target` has focus, checking that every stop along the way shows where focus is. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 80 } = {}) {
  for (let n = 0; n < max; n++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const stop = await target.evaluate(focusStop);
    if (!stop) continue;
    expect(stop.ringed, `visible focus on ${stop.where}`).toBe(true);
    if (stop.reached) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

test("with the keyboard alone, from the empty form to a playing video", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByLabel(/^Prompt/)).toBeVisible();

  await tabTo(page, page.getByLabel("Choose first frame file"));
  // The file itself comes from the system's file dialog, which Enter would open.
  await page.locator(":focus").setInputFiles({ name: "keyboard.jpg", mimeType: "image/jpeg", buffer: await makeFrame(1280, 720, 310) });
  await expect(page.getByRole("img", { name: "First frame preview" })).toBeVisible();

  const prompt = "Keyboard: a paper boat drifting down a gutter";
  await tabTo(page, page.getByLabel(/^Prompt/));
  await page.keyboard.type(prompt);
  await tabTo(page, page.getByRole("button", { name: "Generate" }));
  await page.keyboard.press("Enter");
  await expectCompleted(page, prompt);

  // Back up to the top of the page, then forward to the new take's card.
  await tabTo(page, page.getByRole("link", { name: "Dailies" }), { backwards: true });
  await tabTo(page, cardOf(page, prompt).first().getByRole("link", { name: prompt }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: prompt })).toBeVisible();

  const video = page.getByLabel(`Take: ${prompt}`);
  await tabTo(page, video);
  await page.keyboard.press("Space");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => !v.paused && v.currentTime > 0.2), { timeout: 10_000 }).toBe(true);
});

test("the dailies session page passes axe in light and dark, wide and at 360 px", async ({ page }) => {
  // A finished reel and its notes as the BFF answers them: cutting one is the review-flow spec's work.
  const shot = (n: number) => ({ shotId: `s${n}`, code: `SH0${n}0`, takeId: `t${n}`, slateAtSeconds: (n - 1) * 7, startSeconds: (n - 1) * 7 + 2, endSeconds: n * 7 });
  const video = { url: "/media/reels/r1.mp4", downloadUrl: "/media/reels/r1.mp4?download=1", contentType: "video/mp4", bytes: 1, width: 1920, height: 1080, durationSeconds: 14 };
  const reel = { id: "r1", projectId: "demo", canvas: "1920x1080", status: "completed", progress: 1, video, edlUrl: "/media/reels/r1.json", edlCsvUrl: "/media/reels/r1.csv", error: null, createdAt: "2026-11-30T10:00:00.000Z", createdBy: "ana", completedAt: "2026-11-30T10:01:00.000Z", shots: [shot(1), shot(2)] };
  const note = (takeId: string, atSeconds: number, text: string) => ({ id: `${takeId}-${atSeconds}`, takeId, atSeconds, x: null, y: null, text, author: "ana", createdAt: reel.createdAt, updatedAt: reel.createdAt });
  await page.route("**/api/projects/demo/reels", (route) => route.fulfill({ json: { items: [reel] } }));
  await page.route("**/api/generations/*/notes", (route) =>
    route.fulfill({ json: { items: route.request().url().includes("/t1/") ? [note("t1", 1.5, "hold longer"), note("t1", 3, "too bright on the left")] : [] } }),
  );
  await page.goto("/p/demo/session");
  await expect(page.getByRole("button", { name: /hold longer/ })).toBeVisible();
  await expect(page.getByText("No notes on this take.")).toBeVisible();
  await expectAccessible(page, "the dailies session");
});

test("the compare page passes axe, side by side and as a wipe", async ({ page }) => {
  test.slow();
  const ids = await makeTakesThroughApi(page, [
    { prompt: "Axe compare: a kite over dunes", duration: 5 },
    { prompt: "Axe compare: a kite over dunes at sunset", duration: 10 },
  ]);
  await page.goto(`/compare?ids=${ids.join(",")}`);
  await expect(page.locator("video")).toHaveCount(2);
  await expectAccessible(page, "the compare page, side by side");
  await page.getByRole("button", { name: "Wipe" }).click();
  await expect(page.getByRole("slider", { name: "Wipe divider" })).toBeVisible();
  await expectAccessible(page, "the compare page as a wipe");
  await page.goto(`/compare?ids=${ids[0]}`);
  await expect(page.getByRole("alert")).toBeVisible();
  await expectAccessible(page, "the compare page with a wrong address");
});
