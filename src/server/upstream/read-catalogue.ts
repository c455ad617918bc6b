/**
 * The AI/ML API's model catalogue with prices (`GET /v1/models?include=pricing`), read
 * defensively: its docs give each entry an `id` and a `pricing` list, and clients in the wild
 * read `pricing.units: [{name, price, per}]`. A video model's price is per second of video or
 * per generation; anything else, or a price that is missing or not a number, is unknown, never
 * zero.
 */
import { isModelUsedHere } from "./aimlapi-client";

export type CataloguePrice = { perSecondUsd: number | null; perTakeUsd: number | null };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const PER_SECOND = new Set(["second", "seconds", "sec", "s", "video_second", "per_second"]);
const PER_TAKE = new Set(["generation", "generations", "request", "requests", "video", "videos", "item", "task"]);

function unitsOf(pricing: unknown): unknown[] {
  if (Array.isArray(pricing)) return pricing;
  if (isRecord(pricing) && Array.isArray(pricing.units)) return pricing.units;
  return [];
}

function priceOf(units: unknown[]): CataloguePrice | null {
  const price: CataloguePrice = { perSecondUsd: null, perTakeUsd: null };
  for (const unit of units) {
    if (!isRecord(unit) || typeof unit.price !== "number" || !Number.isFinite(unit.price) || unit.price < 0) continue;
    const per = typeof unit.per === "number" && unit.per > 0 ? unit.per : 1;
    const name = typeof unit.name === "string" ? unit.name.trim().toLowerCase() : "";
    if (PER_SECOND.has(name)) price.perSecondUsd ??= unit.price / per;
    else if (PER_TAKE.has(name)) price.perTakeUsd ??= unit.price / per;
  }
  return price.perSecondUsd === null && price.perTakeUsd === null ? null : price;
}

/** A video model by its entry's `type` ("video", "video-generation", …); without one, a Runway id or a model Dailies uses. */
function isVideoEntry(entry: Record<string, unknown>, id: string): boolean {
  if (isModelUsedHere(id)) return true;
  return typeof entry.type === "string" ? /video/i.test(entry.type) : /^runway\//i.test(id);
}

/**
 * Model id → its price, for the entries that state one Dailies can use; every id listed, priced
 * or not, in `ids`, and the video models among them in `videoIds`.
 */
export function parseCatalogue(json: unknown): { ids: string[]; videoIds: string[]; prices: Map<string, CataloguePrice> } {
  const entries = isRecord(json) && Array.isArray(json.data) ? json.data : Array.isArray(json) ? json : [];
  const prices = new Map<string, CataloguePrice>();
  const ids: string[] = [];
  const videoIds: string[] = [];
  for (const entry of entries) {
    if (!isRecord(entry) || typeof entry.id !== "string" || entry.id.trim() === "") continue;
    ids.push(entry.id);
    if (isVideoEntry(entry, entry.id)) videoIds.push(entry.id);
    const price = priceOf(unitsOf(entry.pricing));
    if (price) prices.set(entry.id, price);
  }
  return { ids, videoIds, prices };
}

/** A take's price from a catalogue price: per second × its length, else per take. */
export function takePrice(price: CataloguePrice | undefined, durationSeconds: number): number | null {
  if (!price) return null;
  if (price.perSecondUsd !== null) return price.perSecondUsd * durationSeconds;
  return price.perTakeUsd;
}
