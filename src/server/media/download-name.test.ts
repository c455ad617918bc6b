import { describe, expect, it } from "vitest";
import { attachmentHeader, downloadName, promptSlug } from "./download-name";

const at = Date.parse("2026-11-21T09:30:00Z");

describe("downloadName", () => {
  it("dates, names the model, slugs the prompt's first words and ends with the seed", () => {
    expect(downloadName({ createdAt: at, model: "gen4_turbo", prompt: "A slow push-in on a harbour.", seed: 1234 })).toBe(
      "2026-11-21-gen4_turbo-a-slow-push-in-on-a-harbour-1234.mp4",
    );
  });

  it.each([
    ["", "untitled"],
    ["   !!! ", "untitled"],
    ["港の夜明け", "untitled"],
    ["Café Éclair at Noël", "cafe-eclair-at-noel"],
    ["A slow push-in on a harbour at dawn, fog rolling over the pier", "a-slow-push-in-on-a-harbour-at-dawn-fog"],
    ["x".repeat(60), "x".repeat(40)],
    ['quotes "and" back\\slashes / path', "quotes-and-back-slashes-path"],
  ])("slugs %j as %j (at most 40 characters, whole words)", (prompt, slug) => {
    expect(promptSlug(prompt)).toBe(slug);
    expect(promptSlug(prompt).length).toBeLessThanOrEqual(40);
  });

  it("writes an attachment header with an RFC 5987 twin", () => {
    expect(attachmentHeader("a-b.mp4")).toBe(`attachment; filename="a-b.mp4"; filename*=UTF-8''a-b.mp4`);
    expect(attachmentHeader('é"x.mp4')).toBe(`attachment; filename="__x.mp4"; filename*=UTF-8''%C3%A9%22x.mp4`);
  });
});
