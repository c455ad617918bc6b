import { Hono } from "hono";
import { ERROR_CODES } from "../../shared/api-error";
import type { AppEnv } from "../http/app-env";
import { HttpError } from "../http/http-error";
import type { StudioDeps } from "../studio";
import { wireFamily } from "../takes/wire-family";

/** `/api/generations/:id/family`: where a take came from and what came from it. */
export function familyRoutes(deps: Pick<StudioDeps, "family">) {
  return new Hono<AppEnv>().get("/:id/family", async (c) => {
    const id = c.req.param("id");
    const family = await deps.family.familyOf(id);
    if (!family) throw new HttpError(ERROR_CODES.notFound, `There is no generation with id "${id}".`);
    return c.json(wireFamily(family));
  });
}
