import { expect, test, type Page } from "@playwright/test";
import { E2E_PASSWORD } from "../playwright.config";
import { cardOf, chooseFrame, expectCompleted } from "./helpers";

async function signIn(page: Page, name: string) {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in to the studio" })).toBeVisible();
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Studio password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
}

async function makeTake(page: Page, prompt: string, hue: number) {
  await chooseFrame(page, "First frame", hue);
  await page.getByLabel(/^Prompt/).fill(prompt);
  await page.getByRole("button", { name: "Generate" }).click();
  await expectCompleted(page, prompt);
}

test("two people sign in; each take says who made it; Mine shows one's own", async ({ browser }) => {
  const ana = await (await browser.newContext()).newPage();
  const bo = await (await browser.newContext()).newPage();

  await ana.goto("/");
  await ana.getByLabel("Your name").fill("Ana");
  await ana.getByLabel("Studio password").fill("not-the-password");
  await ana.getByRole("button", { name: "Sign in" }).click();
  await expect(ana.getByText("That is not the studio password.")).toBeVisible();

  await signIn(ana, "Ana");
  await signIn(bo, "Bo");
  await makeTake(ana, "Ana's lighthouse at dusk", 30);
  await makeTake(bo, "Bo's rain on a tin roof", 210);

  await ana.reload();
  await expect(cardOf(ana, "Ana's lighthouse at dusk")).toContainText("by Ana");
  await expect(cardOf(ana, "Bo's rain on a tin roof")).toContainText("by Bo");
  // Only the author (or an admin) may delete.
  await expect(cardOf(ana, "Bo's rain on a tin roof").getByRole("button", { name: "Delete" })).toHaveCount(0);
  await expect(cardOf(ana, "Ana's lighthouse at dusk").getByRole("button", { name: "Delete" })).toBeVisible();

  await ana.getByRole("checkbox", { name: "Mine only" }).click();
  await expect(ana.getByRole("checkbox", { name: "Mine only" })).toBeChecked();
  await expect(ana).toHaveURL(/mine=true/);
  await expect(cardOf(ana, "Ana's lighthouse at dusk")).toBeVisible();
  await expect(cardOf(ana, "Bo's rain on a tin roof")).toHaveCount(0);

  await ana.getByRole("button", { name: "Sign out" }).click();
  await expect(ana.getByRole("heading", { name: "Sign in to the studio" })).toBeVisible();
  expect((await ana.request.get("/api/generations")).status()).toBe(401);
});
