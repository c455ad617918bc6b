import { expect, test, type Page } from "@playwright/test";
import { makeFrame } from "./fixtures";
import { expectCompleted } from "./helpers";
import { logRequests } from "./network-log";

/** Builds a DataTransfer holding a real JPEG inside the page, as a drag or a clipboard would. */
async function transferWithImage(page: Page, name: string, hue: number) {
  // Salted: identical bytes are stored once, and another spec may have uploaded this hue.
  const bytes = [...(await makeFrame(1280, 720, hue, Date.now() % 16_777_216))];
  return page.evaluateHandle(
    ({ bytes, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: "image/jpeg" }));
      return transfer;
    },
    { bytes, name },
  );
}

async function generate(page: Page, prompt: string) {
  await expect(page.getByRole("img", { name: "First frame preview" })).toBeVisible();
  await page.getByLabel(/^Prompt/).fill(prompt);
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByText(/Take queued/)).toBeVisible();
}

test("a frame dropped, a frame pasted and a frame picked from the library each make a take", async ({ page }) => {
  const network = logRequests(page);
  await page.goto("/");

  // Drop a file onto the first frame slot.
  const dropped = await transferWithImage(page, "dropped.jpg", 40);
  const slot = page.getByRole("group", { name: "First frame" });
  await slot.dispatchEvent("dragenter", { dataTransfer: dropped });
  await slot.dispatchEvent("dragover", { dataTransfer: dropped });
  await slot.dispatchEvent("drop", { dataTransfer: dropped });
  await generate(page, "Dropped frame, slow pan");

  // Paste an image from the clipboard anywhere on the form (Ctrl/Cmd+V).
  await page.getByRole("button", { name: "Remove first frame" }).click();
  await expect(page.getByRole("img", { name: "First frame preview" })).toHaveCount(0);
  const pasted = await transferWithImage(page, "pasted.png.jpg", 160);
  await page.getByRole("heading", { name: "New take" }).click();
  await page.evaluate((clipboardData) => {
    document.querySelector("form")!.dispatchEvent(new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }));
  }, pasted);
  await expect(page.getByText(/Pasted image into the first frame/)).toBeVisible();
  await generate(page, "Pasted frame, gentle zoom");

  // Pick the dropped image again from the library: no second upload.
  await page.getByRole("button", { name: "Remove first frame" }).click();
  await page.getByRole("button", { name: "Choose first frame from the library" }).click();
  const library = page.getByRole("dialog", { name: "Image library" });
  await expect(library).toBeVisible();
  await network.settle();
  const uploadsBefore = network.to("/api/uploads", "POST").length;
  expect(uploadsBefore).toBe(2); // the dropped and the pasted frame, each sent once
  await library.getByRole("button", { name: /^dropped\.jpg/ }).click();
  await expect(library).toBeHidden();
  await generate(page, "Library frame, continuing");
  await network.settle();
  expect(network.to("/api/uploads", "POST")).toHaveLength(uploadsBefore);
  expect(network.to("/api/generations/batch", "POST")).toHaveLength(3);

  for (const prompt of ["Dropped frame, slow pan", "Pasted frame, gentle zoom", "Library frame, continuing"]) await expectCompleted(page, prompt);
});

test("a bad frame is refused in the browser with the reason, before any upload", async ({ page }) => {
  const network = logRequests(page);
  await page.goto("/");
  const gif = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
  await page.getByLabel("Choose first frame file").setInputFiles({ name: "sneaky.jpg", mimeType: "image/jpeg", buffer: gif });
  await expect(page.getByText(/GIF/)).toBeVisible();
  await expect(page.getByRole("img", { name: "First frame preview" })).toHaveCount(0);
  await network.settle();
  expect(network.to("/api/uploads")).toHaveLength(0);
  expect(network.writes()).toHaveLength(0);
});
