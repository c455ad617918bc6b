import type { Logger } from "pino";
import type { ModelId } from "../../shared/models";
import { upstreamModelName, type UpstreamClient } from "../upstream/aimlapi-client";
import { parseCatalogue, takePrice, type CataloguePrice } from "../upstream/read-catalogue";

/** A day, as the issue asks: prices change rarely, and a 304 costs the provider nothing. */
export const CATALOGUE_REFRESH_MS = 24 * 3_600_000;

/**
 * The provider's prices, from its model catalogue: read at start-up and again daily, each time
 * with the ETag of the copy held, so an unchanged catalogue answers 304 and is not read again.
 * A catalogue that can't be read keeps the copy held (or none): prices are then unknown, never
 * zero, and the estimate falls back to what past takes cost.
 */
export function createCataloguePrices(
  client: Pick<UpstreamClient, "catalogue">,
  log: Logger,
  refreshMs = CATALOGUE_REFRESH_MS,
  /** Told the video models of each catalogue that was read (not of a 304), to notice models coming and going. */
  onListed: (videoIds: readonly string[], at: number) => Promise<void> = async () => {},
) {
  let etag: string | null = null;
  let prices = new Map<string, CataloguePrice>();
  let readAt: number | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function refresh(): Promise<void> {
    try {
      const reply = await client.catalogue(etag);
      readAt = Date.now();
      if (reply.status === "not_modified") return;
      const read = parseCatalogue(reply.json);
      prices = read.prices;
      etag = reply.etag;
      log.info({ models: read.ids.length, priced: read.prices.size }, "model catalogue read");
      // An empty list is a catalogue that could not be read properly, not every model gone at once.
      if (read.videoIds.length > 0) await onListed(read.videoIds, readAt);
    } catch (error) {
      log.warn({ err: error instanceof Error ? error.message : String(error) }, "model catalogue not read; prices stay as they were");
    }
  }

  return {
    refresh,
    start(): void {
      void refresh();
      timer ??= setInterval(() => void refresh(), refreshMs);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
    /** The catalogue's price of one take, or null when it states none for the model. */
    priceOf(model: ModelId, durationSeconds: number): number | null {
      const name = upstreamModelName(model);
      return takePrice(prices.get(name) ?? prices.get(name.replace(/^runway\//, "")) ?? prices.get(`runway/${name}`), durationSeconds);
    },
    /** When the catalogue last answered (a 304 included); null before it has. */
    readAt: () => readAt,
  };
}

export type CataloguePrices = ReturnType<typeof createCataloguePrices>;
