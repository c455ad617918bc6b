import { Hono } from "hono";
import { listQuerySchema } from "../../shared/api";
import { createBatchSchema, createTakeSchema, takeFiltersSchema } from "../../shared/take";
import { fieldError } from "../http/http-error";
import type { AppEnv } from "../http/app-env";
import { jsonBodyLimit, takeRequest, withRequestLog } from "../http/request-guards";
import { parseCursor, parseOrThrow, readJsonBody } from "../http/validate";
import { submitTakes, type SubmitDeps } from "../jobs/submit-takes";
import type { StudioDeps } from "../studio";
import { wireTake } from "../takes/wire-take";
import { noSuchTake } from "../takes/no-such-take";

const listSchema = listQuerySchema.extend(takeFiltersSchema.shape);

/**
 * Serialised list and detail bodies, reused until the table changes: many open tabs poll the
 * same pages, and rebuilding identical JSON for each was most of a request's cost.
 */
function createBodyCache(version: () => Promise<number>, size = 200) {
  const bodies = new Map<string, { version: number; body: string }>();
  return async (key: string, build: () => Promise<unknown>): Promise<string> => {
    const current = await version();
    const hit = bodies.get(key);
    if (hit && hit.version === current) return hit.body;
    const body = JSON.stringify(await build());
    if (bodies.size >= size) bodies.clear();
    bodies.set(key, { version: current, body });
    return body;
  };
}

/**
 * A project or shot filter that names nothing, or a shot of another project than the one
 * filtered on, would only ever list nothing: say which filter to change instead.
 */
async function checkListScope(deps: Pick<StudioDeps, "projects" | "shots">, filters: { projectId?: string | undefined; shotId?: string | undefined }): Promise<void> {
  const refuse = (field: "projectId" | "shotId", message: string) => {
    throw fieldError(field, message);
  };
  if (filters.projectId !== undefined && !(await deps.projects.get(filters.projectId))) {
    refuse("projectId", `There is no project with id "${filters.projectId}": choose another project, or drop the projectId filter.`);
  }
  if (filters.shotId === undefined) return;
  const project = await deps.shots.projectOf(filters.shotId);
  if (project === undefined) refuse("shotId", `There is no shot with id "${filters.shotId}": choose another shot, or drop the shotId filter.`);
  if (filters.projectId !== undefined && project !== filters.projectId) {
    refuse("shotId", `Shot "${filters.shotId}" belongs to another project than "${filters.projectId}": filter on that project, or drop one of the two filters.`);
  }
}

export function takesRoutes(deps: SubmitDeps & Pick<StudioDeps, "projects">) {
  const cached = createBodyCache(deps.store.version);
  const json = (body: string, c: { header: (k: string, v: string) => void; body: (b: string) => Response }) => {
    c.header("content-type", "application/json; charset=UTF-8");
    return c.body(body);
  };
  return new Hono<AppEnv>()
    .post("/", jsonBodyLimit(), async (c) => {
      const input = parseOrThrow(createTakeSchema, await readJsonBody(c.req.raw));
      const { takes, created } = await submitTakes(withRequestLog(deps, c), input, takeRequest(c, input), 1);
      return c.json(wireTake(takes[0]!), created ? 201 : 200);
    })
    .post("/batch", jsonBodyLimit(), async (c) => {
      const input = parseOrThrow(createBatchSchema, await readJsonBody(c.req.raw));
      const { takes, created } = await submitTakes(withRequestLog(deps, c), input, takeRequest(c, input), input.variations);
      return c.json({ items: takes.map(wireTake) }, created ? 201 : 200);
    })
    .get("/", async (c) => {
      const { limit, cursor: rawCursor, mine, ...filters } = parseOrThrow(listSchema, c.req.query());
      const cursor = parseCursor(rawCursor);
      await checkListScope(deps, filters);
      const scope = mine === "true" ? { ...filters, author: c.get("user").name } : filters;
      const key = `list:${limit}:${cursor}:${JSON.stringify(scope)}`;
      return json(
        await cached(key, async () => {
          const page = await deps.store.list(scope, limit, cursor);
          return { items: page.takes.map(wireTake), nextCursor: page.nextCursor === null ? null : String(page.nextCursor) };
        }),
        c,
      );
    })
    .get("/:id", async (c) => {
      const id = c.req.param("id");
      // The cache first: while nothing has changed, a poll costs no read of the table.
      const body = await cached(`one:${id}`, async () => {
        const take = await deps.store.get(id);
        if (!take) throw noSuchTake(id);
        return wireTake(take);
      });
      return json(body, c);
    });
}
