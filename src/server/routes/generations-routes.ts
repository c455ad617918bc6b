import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { listQuerySchema } from "../../shared/api";
import { ERROR_CODES } from "../../shared/api-error";
import { createGenerationSchema } from "../../shared/generation";
import { HttpError } from "../http/http-error";
import { parseOrThrow, readJsonBody } from "../http/validate";
import { submitGeneration, type SubmitDeps } from "../jobs/submit-generation";
import { toGeneration } from "../store/generation-row";

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

export function generationsRoutes(deps: SubmitDeps) {
  const notFound = (id: string) => new HttpError(404, ERROR_CODES.notFound, `There is no generation with id "${id}".`);

  return new Hono()
    .post(
      "/",
      bodyLimit({
        maxSize: 64 * 1024,
        onError: () => {
          throw new HttpError(413, ERROR_CODES.payloadTooLarge, "The request is larger than 64 KB. Upload images instead of embedding them.");
        },
      }),
      async (c) => {
        const input = parseOrThrow(createGenerationSchema, await readJsonBody(c.req.raw));
        const key = c.req.header("idempotency-key") ?? null;
        if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
          throw new HttpError(400, ERROR_CODES.validation, "The Idempotency-Key header must be 8–100 letters, digits, '-' or '_'.");
        }
        const { row, created } = await submitGeneration(deps, input, key);
        return c.json(toGeneration(row), created ? 201 : 200);
      },
    )
    .get("/", (c) => {
      const query = parseOrThrow(listQuerySchema, c.req.query());
      const cursor = query.cursor === undefined ? null : Number(query.cursor);
      if (cursor !== null && (!Number.isSafeInteger(cursor) || cursor < 0)) {
        throw new HttpError(400, ERROR_CODES.validation, "The cursor is not one this server gave out. Start from the first page.", {
          cursor: "Use the nextCursor value from the previous page.",
        });
      }
      const page = deps.store.list(query.limit, cursor);
      return c.json({ items: page.rows.map(toGeneration), nextCursor: page.nextCursor === null ? null : String(page.nextCursor) });
    })
    .get("/:id", (c) => {
      const row = deps.store.get(c.req.param("id"));
      if (!row) throw notFound(c.req.param("id"));
      return c.json(toGeneration(row));
    });
}
