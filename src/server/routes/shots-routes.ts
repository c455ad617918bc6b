import { Hono } from "hono";
import { updateShotSchema } from "../../shared/project";
import type { AppEnv } from "../http/app-env";
import { smallJsonBody } from "../http/request-guards";
import { parseOrThrow, readJsonBody } from "../http/validate";
import { deletedOrThrow, noSuchShot, shotOrThrow } from "../projects/project-refusals";
import { wireShot } from "../projects/wire-project";
import type { StudioDeps } from "../studio";

/** One shot: rename it, describe it, move it in its project's order, delete it while empty. */
export function shotsRoutes(deps: Pick<StudioDeps, "shots">) {
  return new Hono<AppEnv>()
    .patch("/:id", smallJsonBody(), async (c) => {
      const changes = parseOrThrow(updateShotSchema, await readJsonBody(c.req.raw));
      const id = c.req.param("id");
      return c.json(wireShot(shotOrThrow(await deps.shots.update(id, changes), () => noSuchShot(id))));
    })
    .delete("/:id", async (c) => {
      const id = c.req.param("id");
      deletedOrThrow(await deps.shots.delete(id), "shot", id);
      return c.body(null, 204);
    });
}
