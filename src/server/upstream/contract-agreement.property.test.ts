import fc from "fast-check";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { createTakeSchema, type ImageRef } from "../../shared/take";
import { MODEL_IDS, MODELS } from "../../shared/models";
import { checkCreateBody, checkUniversalCreateBody } from "../../simulator/create-request";
import { toUniversalBody, toVendorBody } from "./aimlapi-client";
import { bffEquivalent, upstreamBodyArb, withImage } from "../testing/upstream-body-arbitrary";

// Uploads reach the upstream as data URIs (see jobs/upstream-frames.ts); one small real JPEG
// stands in for every upload so the simulator's image check has something to decode.
let uploadDataUri = "";

beforeAll(async () => {
  const jpeg = await sharp({ create: { width: 64, height: 36, channels: 3, background: "#3366aa" } }).jpeg().toBuffer();
  uploadDataUri = `data:image/jpeg;base64,${jpeg.toString("base64")}`;
});

function upstreamImage(ref: ImageRef): string {
  return "url" in ref ? ref.url : uploadDataUri;
}

const frameArb = fc.oneof(
  fc.webUrl({ validSchemes: ["https"], withQueryParameters: true }).map((url) => ({ url }) as unknown),
  fc.webUrl({ validSchemes: ["https", "http"], withQueryParameters: true, withFragments: true, authoritySettings: { withPort: true, withUserInfo: true, withIPv4: true } }).map((url) => ({ url }) as unknown),
  fc.constantFrom("https://images.example.com/a.jpg", " https://images.example.com/b.png ", "https://images.example.com/%F0%9F%98%80.jpg").map((url) => ({ url }) as unknown),
  fc.constant({ uploadId: "upl_1" } as unknown),
);

// Drawn from the BFF's own model table, so each model's options get exercised; the
// simulator keeps its own copy, so a wrong entry here shows up as a disagreement.
const requestArb = fc.constantFrom(...MODEL_IDS).chain((model) =>
  fc.record(
    {
      model: fc.constant(model),
      prompt: fc.oneof(
        fc.string({ unit: "binary", maxLength: 40 }),
        fc.constantFrom("", "  ", "\u00a0", "\u200b", "\ufeff", "\u3000x\u3000"),
        fc.tuple(fc.integer({ min: 995, max: 1001 }), fc.constantFrom("", "😀", " ", "\u3000")).map(([n, tail]) => `${"x".repeat(n)}${tail}`),
      ),
      ratio: fc.constantFrom(...MODELS[model].ratios),
      duration: fc.constantFrom(...MODELS[model].durations),
      seed: fc.oneof(fc.constant(null), fc.tuple(fc.nat(0xffff), fc.nat(0xffff)).map(([high, low]) => high * 0x10000 + low), fc.constant(-0)),
      image: frameArb,
      lastImage: MODELS[model].acceptsLastImage ? fc.option(frameArb, { nil: undefined }) : fc.constant(undefined),
    },
    { requiredKeys: ["model", "ratio", "duration", "image"] },
  ),
);

const RUNS = 500;

describe("the BFF's request schema and the simulated upstream (properties)", () => {
  it("agree: whatever the BFF accepts and sends, the upstream accepts", async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(requestArb, fc.nat(0xffff), async (request, randomSeed) => {
        const parsed = createTakeSchema.safeParse(request);
        if (!parsed.success) return;
        accepted += 1;
        const input = parsed.data;
        const upstreamRequest = {
          model: input.model,
          prompt: input.prompt,
          imageUrl: upstreamImage(input.image!),
          lastImageUrl: input.lastImage ? upstreamImage(input.lastImage) : null,
          ratio: input.ratio,
          duration: input.duration,
          seed: input.seed ?? randomSeed,
        };
        // What goes over the wire is JSON, so check what the upstream would parse; both URL families.
        const check = await checkCreateBody(JSON.parse(JSON.stringify(toVendorBody(upstreamRequest))));
        expect(check.ok ? null : check.errors, JSON.stringify(request).slice(0, 300)).toBeNull();
        const universal = await checkUniversalCreateBody(JSON.parse(JSON.stringify(toUniversalBody(upstreamRequest))));
        expect(universal.ok ? null : universal.errors, JSON.stringify(request).slice(0, 300)).toBeNull();
      }),
      { numRuns: RUNS, seed: 20_251_121 },
    );
    // Most runs must reach the check, or the property could pass without testing anything.
    expect(accepted).toBeGreaterThanOrEqual(RUNS * 0.4);
  });

  it("agree the other way: whatever the upstream contract accepts, the BFF accepts in its own terms", async () => {
    let agreed = 0;
    await fc.assert(
      fc.asyncProperty(upstreamBodyArb, async (draft) => {
        const body = withImage(draft, uploadDataUri);
        // The simulator is the outsider's word that the body is valid: a generator slip shows here.
        const upstream = await checkCreateBody(body);
        expect(upstream.ok ? null : upstream.errors, JSON.stringify(draft).slice(0, 300)).toBeNull();
        const bff = createTakeSchema.safeParse(bffEquivalent(body));
        expect(bff.success ? null : bff.error.issues, JSON.stringify(draft).slice(0, 300)).toBeNull();
        agreed += 1;
      }),
      { numRuns: RUNS, seed: 20_251_121 },
    );
    expect(agreed).toBe(RUNS);
  });
});
