import { expect, type Page } from "@playwright/test";
import axe from "axe-core";

/**
 * The rules whose verdict a colour scheme can change: a dark pass only recolours the page (the
 * same elements, the same layout), so it runs these and leaves the structural rules (names,
 * roles, labels, landmarks) to the light pass at the same width. Each width still gets the full
 * set in light: elements shown only on a phone or only on a desktop are judged where they show.
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * axe-core's findings on the page (or only inside `include`), one readable line each.
 *
 * axe runs in the page itself (what @axe-core/playwright calls legacy mode: Dailies has no
 * frames to merge results across), and its 600 KB source goes in once per document rather than
 * twice per analysis as AxeBuilder does: parsing it again cost about 0.6 s of the renderer's CPU
 * on every one of the ~90 analyses of the suite.
 */
export async function axeFindings(page: Page, { colourOnly = false, include }: { colourOnly?: boolean; include?: string } = {}): Promise<string[]> {
  // Colours are judged at rest. Text dimmed while a refetch shows the previous answer is checked
  // once the answer is in: on a busy machine axe would otherwise meet it mid-fetch.
  await expect(page.locator(".opacity-60")).toHaveCount(0);
  // …and once every transition has ended (a switch of colour scheme fades colours too): a
  // transition still running is a colour between the two, which is not what anyone reads.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity));
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === "object");
  if (!loaded) {
    await page.evaluate(axe.source);
    await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.configure({ allowedOrigins: ["<same_origin>"] }));
  }
  const outcome = await page.evaluate(
    async ({ include, rules }) => {
      const inPage = (window as unknown as { axe: typeof axe }).axe;
      const context = include ? { include: [include] } : document;
      const options = rules ? { runOnly: { type: "rule" as const, values: rules } } : {};
      try {
        const { violations } = await inPage.run(context, options);
        return { violations: violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target: [...target] })) })) };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },
    { include: include ?? null, rules: colourOnly ? COLOUR_RULES : null },
  );
  if ("error" in outcome) throw new Error(`axe-core could not run: ${outcome.error}`);
  return outcome.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
