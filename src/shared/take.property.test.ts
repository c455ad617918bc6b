import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTakeSchema } from "./take";

// The upstream's rules, written down again from shared/aimlapi-contract.md rather than taken
// from our schema or model table: a mistake there must show up here as a disagreement.
const CONTRACT_RATIOS: Record<string, readonly string[]> = {
  gen4_turbo: ["16:9", "9:16", "4:3", "3:4", "1:1", "21:9"],
  gen3a_turbo: ["16:9", "9:16"],
};
const CONTRACT_SEED_MAX = 4_294_967_295;
const CONTRACT_PROMPT_UNITS = 1000;
const CONTRACT_URL_CHARS = 2048;
const FIELDS = ["model", "prompt", "image", "lastImage", "ratio", "duration", "seed"];

/** Why a frame can't go upstream, or null: an HTTPS URL with a host name and no credentials. */
function frameProblem(ref: unknown): string | null {
  if (typeof ref !== "object" || ref === null) return "frame is not an object";
  const keys = Object.keys(ref);
  if (keys.length !== 1) return `frame has keys ${keys.join(",")}`;
  if ("uploadId" in ref) return typeof ref.uploadId === "string" && ref.uploadId.trim() !== "" ? null : "empty uploadId";
  if (!("url" in ref) || typeof ref.url !== "string") return "frame has no url";
  if (ref.url.length > CONTRACT_URL_CHARS) return "url too long";
  let url: URL;
  try {
    url = new URL(ref.url);
  } catch {
    return "url does not parse";
  }
  if (url.protocol !== "https:") return `url scheme ${url.protocol}`;
  if (url.username !== "" || url.password !== "") return "url has credentials";
  if (/^[\d.]+$/.test(url.hostname) || url.hostname.includes(":") || url.hostname.startsWith("[")) return "url host is an IP";
  return null;
}

/** Why an accepted request would be refused by (or unfit for) the upstream, or null. */
function contractProblem(request: Record<string, unknown>): string | null {
  const { model, prompt, ratio, duration, seed, image, lastImage } = request;
  if (typeof model !== "string" || !(model in CONTRACT_RATIOS)) return `model ${String(model)}`;
  if (typeof ratio !== "string" || !CONTRACT_RATIOS[model]!.includes(ratio)) return `ratio ${String(ratio)} for ${model}`;
  if (duration !== 5 && duration !== 10) return `duration ${String(duration)}`;
  if (seed !== null && seed !== undefined) {
    if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > CONTRACT_SEED_MAX) return `seed ${String(seed)}`;
  }
  if (typeof prompt !== "string") return "prompt is not text";
  if (prompt.length > CONTRACT_PROMPT_UNITS) return `prompt has ${prompt.length} UTF-16 units`;
  if (model === "gen3a_turbo" && prompt.trim() === "") return "gen3a_turbo without a prompt";
  const first = frameProblem(image);
  if (first) return `image: ${first}`;
  if (lastImage !== null && lastImage !== undefined) {
    if (model !== "gen3a_turbo") return `lastImage sent to ${model}`;
    const last = frameProblem(lastImage);
    if (last) return `lastImage: ${last}`;
  }
  return null;
}

const urlArb = fc.oneof(
  fc.constantFrom(
    "https://images.example.com/a.jpg",
    "  https://images.example.com/padded.png  ",
    "HTTPS://IMAGES.EXAMPLE.COM/UPPER.JPG",
    "http://images.example.com/a.jpg",
    "data:image/jpeg;base64,/9j/4AAQSkZJRg==",
    "javascript:alert(1)",
    "ftp://images.example.com/a.jpg",
    "https://user:secret@images.example.com/a.jpg",
    "https://user@images.example.com/a.jpg",
    "https://:secret@images.example.com/a.jpg",
    "https://127.0.0.1/a.jpg",
    "https://127.0.0.1./a.jpg",
    "https://0x7f000001/a.jpg",
    "https://2130706433/a.jpg",
    "https://[::1]/a.jpg",
    "https://localhost/a.jpg",
    "https:///a.jpg",
    "https://images.example.com:99999/a.jpg",
    `https://images.example.com/${"a".repeat(2030)}.jpg`,
    `https://images.example.com/${"a".repeat(2015)}.jpg`,
    "",
    "   ",
  ),
  fc.webUrl({ validSchemes: ["https", "http"], authoritySettings: { withIPv4: true, withIPv6: true, withUserInfo: true, withPort: true } }),
  fc.webUrl({ validSchemes: ["https"], withQueryParameters: true, withFragments: true }),
);

const frameArb = fc.oneof(
  urlArb.map((url) => ({ url }) as unknown),
  fc.constantFrom("upl_123", "", "   ", "a").map((uploadId) => ({ uploadId }) as unknown),
  fc.constant({ url: "https://images.example.com/a.jpg", uploadId: "upl_1" } as unknown),
  fc.constantFrom<unknown>("https://images.example.com/a.jpg", null, 5, {}),
);

/** Around the 1000-unit limit, padded (trimmed away), with astral characters counting as two. */
const longPromptArb = fc
  .tuple(fc.integer({ min: 995, max: 1001 }), fc.constantFrom("", "😀", "😀😀", "é", "  ", "𝄞x"), fc.constantFrom("", " ", "\n\t"))
  .map(([n, tail, pad]) => `${pad}${"x".repeat(n)}${tail}${pad}`);

const promptArb = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  longPromptArb,
  fc.integer({ min: 499, max: 501 }).map((n) => "😀".repeat(n)),
  fc.constantFrom<unknown>("", "   ", "\u200b", null, 42),
);

const seedArb = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.integer({ min: -5, max: 5 }).map((d) => CONTRACT_SEED_MAX + d),
  fc.double(),
  fc.constantFrom<unknown>(0.5, -0, CONTRACT_SEED_MAX - 0.5, Number.MAX_SAFE_INTEGER, "5", null),
);

const requestArb = fc
  .record(
    {
      model: fc.constantFrom("gen4_turbo", "gen3a_turbo", "junk"),
      prompt: promptArb,
      ratio: fc.constantFrom<unknown>(...CONTRACT_RATIOS.gen4_turbo!, "", "16:10", "16/9", " 16:9", 1.77, null),
      duration: fc.constantFrom<unknown>(5, 10, 7, "5", null),
      seed: seedArb,
      image: frameArb,
      lastImage: fc.oneof(frameArb, fc.constant(null)),
      colour: fc.string({ maxLength: 5 }),
    },
    { requiredKeys: [] },
  )
  .map((request) => {
    // Unknown keys are rare in practice; keep most requests to the known ones.
    const { colour, ...known } = request;
    return colour !== undefined && colour.length > 3 ? { ...known, colour } : known;
  });

const goodFrameArb = fc.oneof(
  fc.webUrl({ validSchemes: ["https"], withQueryParameters: true }).map((url) => ({ url }) as unknown),
  fc.string({ minLength: 1, maxLength: 12 }).map((id) => ({ uploadId: `upl_${id}` }) as unknown),
);
const anySeedArb = fc.tuple(fc.nat(0xffff), fc.nat(0xffff)).map(([high, low]) => high * 0x10000 + low);

// Valid-looking requests are rare under a fully random mix; this one mostly passes.
const nearValidArb = fc.record({
  model: fc.constantFrom("gen4_turbo", "gen3a_turbo"),
  prompt: fc.oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 30 }), longPromptArb),
  ratio: fc.constantFrom("16:9", "9:16", "16:9", "9:16", "1:1", "21:9"),
  duration: fc.constantFrom(5, 10),
  seed: fc.oneof({ weight: 5, arbitrary: anySeedArb }, { weight: 1, arbitrary: seedArb }),
  image: fc.oneof({ weight: 5, arbitrary: goodFrameArb }, { weight: 1, arbitrary: frameArb }),
  lastImage: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: goodFrameArb }, { weight: 1, arbitrary: frameArb }),
});

const options = { numRuns: 500, seed: 20_251_121 } as const;
/** The least share of runs that must reach a property's check, so it cannot pass vacuously. */
const MIN_SHARE = 0.25;

describe("createTakeSchema (properties)", () => {
  it("accepts only requests the upstream contract accepts", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 1, arbitrary: requestArb }, { weight: 3, arbitrary: nearValidArb }), (request) => {
        const result = createTakeSchema.safeParse(request);
        if (!result.success) return;
        accepted += 1;
        expect(contractProblem(result.data), JSON.stringify(request).slice(0, 300)).toBeNull();
      }),
      options,
    );
    // A property that (almost) never sees an accepted request proves nothing.
    expect(accepted).toBeGreaterThanOrEqual(options.numRuns * MIN_SHARE);
  });

  it("explains every refusal on a named field, in words", () => {
    let refused = 0;
    fc.assert(
      fc.property(requestArb, (request) => {
        const result = createTakeSchema.safeParse(request);
        if (result.success) return;
        refused += 1;
        const unknown = Object.keys(request).filter((key) => !FIELDS.includes(key));
        for (const issue of result.error.issues) {
          // zod reports unknown keys on the object itself (path []) and names them in `keys`.
          if (issue.code === "unrecognized_keys") {
            expect(issue.keys.length).toBeGreaterThan(0);
            for (const key of issue.keys) expect(unknown).toContain(key);
          } else {
            expect(issue.path.length, issue.message).toBeGreaterThan(0);
            expect([...FIELDS, ...unknown]).toContain(String(issue.path[0]));
          }
          expect(issue.message.trim().split(/\s+/).length, issue.message).toBeGreaterThanOrEqual(3);
        }
      }),
      options,
    );
    expect(refused).toBeGreaterThanOrEqual(options.numRuns * MIN_SHARE);
  });
});
