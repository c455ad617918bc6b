import { Hono } from "hono";
import { listQuerySchema } from "../../shared/api";
import { ERROR_CODES } from "../../shared/api-error";
import { createBatchSchema, createGenerationSchema, generationFiltersSchema } from "../../shared/generation";
import { HttpError } from "../http/http-error";
import type { AppEnv } from "../http/app-env";
import { jsonBodyLimit, takeRequest, withRequestLog } from "../http/request-guards";
import { parseOrThrow, readJsonBody } from "../http/validate";
import { submitBatch } from "../jobs/submit-batch";
import { submitGeneration, type SubmitDeps } from "../jobs/submit-generation";
import { toGeneration } from "../store/generation-row";

const listSchema = listQuerySchema.extend(generationFiltersSchema.shape);

export function generationsRoutes(deps: SubmitDeps) {
  return new Hono<AppEnv>()
    .post("/", jsonBodyLimit(), async (c) => {
      const input = parseOrThrow(createGenerationSchema, await readJsonBody(c.req.raw));
      const { row, created } = await submitGeneration(withRequestLog(deps, c), input, takeRequest(c));
      return c.json(toGeneration(row), created ? 201 : 200);
    })
    .post("/batch", jsonBodyLimit(), async (c) => {
      const input = parseOrThrow(createBatchSchema, await readJsonBody(c.req.raw));
      const { rows, created } = await submitBatch(withRequestLog(deps, c), input, takeRequest(c));
      return c.json({ items: rows.map(toGeneration) }, created ? 201 : 200);
    })
    .get("/", (c) => {
      const { limit, cursor: rawCursor, mine, ...filters } = parseOrThrow(listSchema, c.req.query());
      const cursor = rawCursor === undefined ? null : Number(rawCursor);
      if (cursor !== null && (!Number.isSafeInteger(cursor) || cursor < 0)) {
        throw new HttpError(400, ERROR_CODES.validation, "The cursor is not one this server gave out. Start from the first page.", {
          cursor: "Use the nextCursor value from the previous page.",
        });
      }
      const page = deps.store.list(mine === "true" ? { ...filters, author: c.get("user").name } : filters, limit, cursor);
      return c.json({ items: page.rows.map(toGeneration), nextCursor: page.nextCursor === null ? null : String(page.nextCursor) });
    })
    .get("/:id", (c) => {
      const row = deps.store.get(c.req.param("id"));
      if (!row) throw new HttpError(404, ERROR_CODES.notFound, `There is no generation with id "${c.req.param("id")}".`);
      return c.json(toGeneration(row));
    });
}
