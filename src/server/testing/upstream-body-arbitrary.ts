import fc from "fast-check";

// Create bodies the upstream contract accepts (shared/aimlapi-contract.md, "Models and
// parameters" and "Input images"), written down from the contract rather than taken from
// our model table, so a BFF that refuses more than the contract does shows up.
const CONTRACT_MODELS = {
  "runway/gen4_turbo": { id: "gen4_turbo", ratios: ["16:9", "9:16", "4:3", "3:4", "1:1", "21:9"], lastImage: false, promptRequired: false },
  gen3a_turbo: { id: "gen3a_turbo", ratios: ["16:9", "9:16"], lastImage: true, promptRequired: true },
} as const;
type WireModel = keyof typeof CONTRACT_MODELS;
const SEED_MAX = 4_294_967_295;
const PROMPT_UNITS = 1000;
const URL_CHARS = 2048;

/** Stands for a data URI; `withImage` swaps in a real one (the upstream decodes it). */
const DATA_URI = "data:image/jpeg;base64,<test image>";

export function withImage(body: Record<string, unknown>, dataUri: string): Record<string, unknown> {
  const swap = (value: unknown) => (value === DATA_URI ? dataUri : value);
  return { ...body, image_url: swap(body.image_url), ...(body.last_image_url === undefined ? {} : { last_image_url: swap(body.last_image_url) }) };
}

const urlArb = fc.oneof(
  fc.webUrl({ validSchemes: ["https"], withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    "HTTPS://IMAGES.EXAMPLE.COM/UPPER.JPG",
    "https://images.example.com:8443/port.png",
    "https://images.example.com/a%20b.jpg?size=large&v=2",
    "https://bücher.example/umlaut.webp",
    "https://images.example.com/😀.jpg",
    `https://images.example.com/${"a".repeat(URL_CHARS - 31)}.jpg`,
  ),
).filter((url) => url.length <= URL_CHARS);

// Data URIs stand for uploads: the BFF takes an image file, never a pasted data URI.
const frameArb = fc.oneof({ weight: 3, arbitrary: urlArb }, { weight: 1, arbitrary: fc.constant(DATA_URI) });

/** 1 to 1000 UTF-16 units, the boundary included, astral characters counting as two. */
const promptArb = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 60 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }),
  fc.tuple(fc.integer({ min: 990, max: PROMPT_UNITS }), fc.constantFrom("", "😀", "é")).map(([n, tail]) => `${"x".repeat(n - tail.length)}${tail}`),
);

const seedArb = fc.oneof(fc.constantFrom(0, 1, SEED_MAX - 1, SEED_MAX), fc.tuple(fc.nat(0xffff), fc.nat(0xffff)).map(([high, low]) => high * 0x10000 + low));

function bodyFor(model: WireModel) {
  const spec = CONTRACT_MODELS[model];
  // Optional fields may be left out; the upstream fills in its defaults.
  const keys = ["model", "image_url", ...(spec.promptRequired ? ["prompt"] : [])];
  return fc.record(
    {
      model: fc.constant(model),
      // A prompt of only spaces is "non-empty" to the contract but describes nothing: the
      // BFF trims it, so a model that needs a prompt is only given ones with words.
      prompt: spec.promptRequired ? promptArb.filter((p) => p.trim() !== "") : promptArb,
      image_url: frameArb,
      ...(spec.lastImage ? { last_image_url: frameArb } : {}),
      ratio: fc.constantFrom(...spec.ratios),
      duration: fc.constantFrom(5, 10),
      seed: seedArb,
    },
    { requiredKeys: keys as never },
  );
}

export const upstreamBodyArb = fc.constantFrom(...(Object.keys(CONTRACT_MODELS) as WireModel[])).chain(bodyFor);

function frame(value: unknown): { url: string } | { uploadId: string } | undefined {
  if (typeof value !== "string") return undefined;
  return value.startsWith("data:") ? { uploadId: "upl_1" } : { url: value };
}

/** The same request in the BFF's terms: its model ids, uploads for data URIs, the contract's defaults filled in. */
export function bffEquivalent(body: Record<string, unknown>): Record<string, unknown> {
  const spec = CONTRACT_MODELS[body.model as WireModel];
  return {
    model: spec.id,
    ...(body.prompt === undefined ? {} : { prompt: body.prompt }),
    image: frame(body.image_url),
    ...(body.last_image_url === undefined ? {} : { lastImage: frame(body.last_image_url) }),
    ratio: body.ratio ?? "16:9",
    duration: body.duration ?? 5,
    ...(body.seed === undefined ? {} : { seed: body.seed }),
  };
}
