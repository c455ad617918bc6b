import { Hono } from "hono";
import { insightsQuerySchema, type InsightRow, type Insights } from "../../shared/insights";
import type { AppEnv } from "../http/app-env";
import { parseOrThrow } from "../http/validate";
import { DEFAULT_INSIGHT_DAYS } from "../store/insight-queries";
import type { StudioDeps } from "../studio";
import { startOfUtcDay } from "../jobs/spend-limits";

const DAY_MS = 86_400_000;

const CSV_COLUMNS: (keyof InsightRow)[] = ["key", "takes", "completed", "failed", "successRate", "medianSeconds", "p90Seconds", "spendUsd", "circled", "favourites", "costPerCircledUsd", "costPerFavouriteUsd"];

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; a leading =+-@ is defused for spreadsheets. */
function csvField(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  const safe = /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(insights: Insights): string {
  const header = [insights.groupBy, ...CSV_COLUMNS.slice(1), "moderationFailures", "providerFailures", "timeoutFailures", "unknownFailures"];
  const lines = insights.rows.map((row) =>
    [...CSV_COLUMNS.map((column) => row[column]), row.failures.moderation, row.failures.provider, row.failures.timeout, row.failures.unknown].map(csvField).join(","),
  );
  return `${[header.join(","), ...lines].join("\r\n")}\r\n`;
}

/** `GET /api/insights`: per model, creator or week, what a studio lead asks about; `/api/insights/csv`: the same rows as a file. */
export function insightsRoutes(deps: Pick<StudioDeps, "insights">) {
  const queries = deps.insights;
  async function read(raw: Record<string, string>): Promise<Insights> {
    const query = parseOrThrow(insightsQuerySchema, raw);
    const to = query.to ? Date.parse(query.to) : startOfUtcDay(Date.now()) + DAY_MS;
    const from = query.from ? Date.parse(query.from) : to - DEFAULT_INSIGHT_DAYS * DAY_MS;
    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      groupBy: query.groupBy,
      rows: await queries.grouped(query.groupBy, from, to),
      moderatedPrompts: await queries.moderatedPrompts(from, to),
      moderatedFrames: (await queries.moderatedFrames(from, to)).map(({ frame, failures }) =>
        "uploadId" in frame
          ? { url: `/media/uploads/${frame.uploadId}`, uploadId: frame.uploadId, thumbUrl: `/media/uploads/${frame.uploadId}/thumb`, failures }
          : { url: frame.url, uploadId: null, thumbUrl: null, failures },
      ),
    };
  }
  return new Hono<AppEnv>()
    .get("/", async (c) => c.json(await read(c.req.query())))
    .get("/csv", async (c) => {
      const insights = await read(c.req.query());
      c.header("content-disposition", `attachment; filename="dailies-insights-${insights.groupBy}-${insights.from.slice(0, 10)}-${insights.to.slice(0, 10)}.csv"`);
      return c.body(toCsv(insights), 200, { "content-type": "text/csv; charset=utf-8" });
    });
}
