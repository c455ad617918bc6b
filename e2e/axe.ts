import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * The rules whose verdict a colour scheme can change: a dark pass only recolours the page (the
 * same elements, the same layout), so it runs these and leaves the structural rules (names,
 * roles, labels, landmarks) to the light pass at the same width. Each width still gets the full
 * set in light: elements shown only on a phone or only on a desktop are judged where they show.
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/** axe-core's findings on the page (or only inside `include`), one readable line each. */
export async function axeFindings(page: Page, { colourOnly = false, include }: { colourOnly?: boolean; include?: string } = {}): Promise<string[]> {
  // Legacy mode runs axe.run() in the page itself. The default opens a blank page for every
  // analysis to merge per-frame results (for cross-origin iframes, which Dailies has none of);
  // in the page each analysis took well under half the time.
  const axe = new AxeBuilder({ page }).setLegacyMode(true);
  if (colourOnly) axe.withRules(COLOUR_RULES);
  if (include) axe.include(include);
  const { violations } = await axe.analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
