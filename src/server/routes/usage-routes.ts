import { Hono } from "hono";
import { z } from "zod";
import type { Estimate, Usage } from "../../shared/usage";
import { estimateQuerySchema } from "../../shared/usage";
import type { AppEnv } from "../http/app-env";
import { parseOrThrow } from "../http/validate";
import { startOfUtcDay } from "../jobs/spend-limits";
import { budgetLine, startOfUtcMonth } from "../jobs/budgets";
import { createUsageQueries } from "../store/usage-queries";
import type { StudioDeps } from "../studio";

export const priceTableSchema = z.record(z.string(), z.record(z.string(), z.number().nonnegative()));
export type PriceTable = z.infer<typeof priceTableSchema>;

/** PRICE_TABLE's JSON; empty means no prices. */
export function parsePriceTable(raw: string): PriceTable {
  if (!raw.trim()) return {};
  try {
    return priceTableSchema.parse(JSON.parse(raw));
  } catch {
    throw new Error('PRICE_TABLE must be JSON like {"gen4_turbo":{"5":250000,"10":500000}}.');
  }
}

function periodStarts(now: number) {
  const today = startOfUtcDay(now);
  const weekday = (new Date(today).getUTCDay() + 6) % 7; // Monday = 0
  const d = new Date(now);
  return { today, week: today - weekday * 86_400_000, month: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function usageRoutes(deps: Pick<StudioDeps, "db" | "priceTable" | "store" | "budgets" | "catalogue">) {
  const queries = createUsageQueries(deps.db);
  return new Hono<AppEnv>()
    .get("/", async (c) => {
      const starts = periodStarts(Date.now());
      const periods = await Promise.all(
        (["today", "week", "month"] as const).map(async (period) => ({
          period,
          since: new Date(starts[period]).toISOString(),
          ...(await queries.since(starts[period])),
        })),
      );
      return c.json({ periods } satisfies Usage);
    })
    .get("/estimate", async (c) => {
      const { model, duration, variations } = parseOrThrow(estimateQuerySchema, c.req.query());
      const learned = await queries.recentUsage(model, duration);
      const listed = deps.priceTable[model]?.[String(duration)];
      const perTake = learned.length ? median(learned) : (listed ?? null);
      const basis = learned.length ? "learned" : listed !== undefined ? "price_table" : "unknown";
      // The catalogue's price first, then what takes of this kind have cost.
      const listedUsd = deps.catalogue.priceOf(model, duration);
      const perTakeUsd = listedUsd ?? (await deps.store.typicalUsd(model, duration));
      const spent = await deps.store.committedUsd(startOfUtcMonth(Date.now()), c.get("user").name);
      const estimate: Estimate = {
        perTake,
        total: perTake === null ? null : perTake * variations,
        basis,
        sampleSize: learned.length,
        perTakeUsd,
        totalUsd: perTakeUsd === null ? null : perTakeUsd * variations,
        usdBasis: listedUsd !== null ? "catalogue" : perTakeUsd !== null ? "learned" : null,
        budget: { user: budgetLine(deps.budgets.monthlyPerUserUsd, spent.userUsd), studio: budgetLine(deps.budgets.monthlyStudioUsd, spent.studioUsd) },
      };
      return c.json(estimate);
    });
}
