import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import type { StudioDeps } from "../studio";
import { wireFamily } from "../takes/wire-family";
import { noSuchTake } from "../takes/no-such-take";

/** `/api/generations/:id/family`: where a take came from and what came from it. */
export function familyRoutes(deps: Pick<StudioDeps, "family">) {
  return new Hono<AppEnv>().get("/:id/family", async (c) => {
    const id = c.req.param("id");
    const family = await deps.family.familyOf(id);
    if (!family) throw noSuchTake(id);
    return c.json(wireFamily(family));
  });
}
