import { describe, expect, it } from "vitest";
import { createBatchSchema, createTakeSchema } from "./take";

const first = { url: "https://images.example.com/a.jpg" };
const valid = { model: "gen4_turbo", prompt: "a slow push in", image: first, ratio: "16:9", duration: 5 } as const;

/** Each refusal as `path: message`, in the order the schema reports them. */
function problems(input: unknown, schema: typeof createTakeSchema | typeof createBatchSchema = createTakeSchema): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("a take request is checked against its model's capabilities", () => {
  it("accepts a valid request for either model", () => {
    expect(problems(valid)).toEqual([]);
    expect(problems({ ...valid, model: "gen3a_turbo", lastImage: { uploadId: "u1" } })).toEqual([]);
  });

  it("asks for a first frame when there is none", () => {
    expect(problems({ ...valid, image: undefined })).toEqual(["image: Add a first frame: upload an image or paste an https:// address."]);
  });

  it("names the ratios the chosen model supports", () => {
    expect(problems({ ...valid, model: "gen3a_turbo", ratio: "1:1" })).toEqual(["ratio: Gen-3 Alpha Turbo supports 16:9, 9:16; choose one of those."]);
    expect(problems({ ...valid, ratio: "2:1" })).toEqual(["ratio: Gen-4 Turbo supports 16:9, 9:16, 4:3, 3:4, 1:1, 21:9; choose one of those."]);
  });

  it("asks for a prompt only from the model that needs one, after trimming it", () => {
    expect(problems({ ...valid, prompt: "   " })).toEqual([]);
    expect(problems({ ...valid, model: "gen3a_turbo", prompt: "  " })).toEqual(["prompt: Describe the shot: Gen-3 Alpha Turbo needs a prompt."]);
    expect(problems({ ...valid, model: "gen3a_turbo", prompt: "x" })).toEqual([]);
  });

  it("counts the prompt in UTF-16 units, up to and including the limit", () => {
    expect(problems({ ...valid, prompt: "a".repeat(1000) })).toEqual([]);
    expect(problems({ ...valid, prompt: "a".repeat(1001) })).toEqual([
      "prompt: Shorten the prompt to 1000 characters; it has 1001 (emoji count as two).",
    ]);
    expect(problems({ ...valid, prompt: "🎬".repeat(501) })).toEqual([
      "prompt: Shorten the prompt to 1000 characters; it has 1002 (emoji count as two).",
    ]);
  });

  it("refuses a last frame for a model that takes none, and names the one that does", () => {
    expect(problems({ ...valid, lastImage: first })).toEqual([
      "lastImage: Gen-4 Turbo takes no last frame: remove it or switch to Gen-3 Alpha Turbo.",
    ]);
    expect(problems({ ...valid, lastImage: null })).toEqual([]);
  });

  it("reports each problem as a custom issue on its field", () => {
    const result = createTakeSchema.safeParse({ model: "gen4_turbo", prompt: "a".repeat(1001), ratio: "5:4", lastImage: first, duration: 5 });
    expect(result.error?.issues.map((issue) => [issue.code, issue.path.join(".")])).toEqual([
      ["custom", "image"],
      ["custom", "ratio"],
      ["custom", "prompt"],
      ["custom", "lastImage"],
    ]);
    const gen3a = createTakeSchema.safeParse({ model: "gen3a_turbo", prompt: "", image: first, ratio: "16:9", duration: 5 });
    expect(gen3a.error?.issues.map((issue) => issue.code)).toEqual(["custom"]);
  });

  it("reports every problem at once", () => {
    expect(problems({ model: "gen3a_turbo", prompt: "", ratio: "1:1", duration: 5 })).toEqual([
      "image: Add a first frame: upload an image or paste an https:// address.",
      "ratio: Gen-3 Alpha Turbo supports 16:9, 9:16; choose one of those.",
      "prompt: Describe the shot: Gen-3 Alpha Turbo needs a prompt.",
    ]);
  });

  it("applies the same checks to a batch", () => {
    expect(problems({ ...valid, variations: 2 }, createBatchSchema)).toEqual([]);
    expect(problems({ ...valid, lastImage: first, variations: 2 }, createBatchSchema)).toEqual([
      "lastImage: Gen-4 Turbo takes no last frame: remove it or switch to Gen-3 Alpha Turbo.",
    ]);
  });
});
