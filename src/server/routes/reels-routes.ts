import { Hono } from "hono";
import { ERROR_CODES } from "../../shared/api-error";
import { createReelSchema } from "../../shared/reel";
import type { AppEnv } from "../http/app-env";
import { HttpError } from "../http/http-error";
import { smallJsonBody } from "../http/request-guards";
import { parseOrThrow, readJsonBody } from "../http/validate";
import { noSuchProject } from "../projects/project-refusals";
import { planReel } from "../reels/plan-reel";
import { wireReel } from "../reels/wire-reel";
import type { StudioDeps } from "../studio";

type Deps = Pick<StudioDeps, "projects" | "shots" | "store" | "media" | "reels" | "reelQueue">;

/** `POST /api/projects/:id/reel` and the project's reels, mounted under /api/projects. */
export function projectReelsRoutes(deps: Deps) {
  const projectOrThrow = async (id: string) => {
    if (!(await deps.projects.get(id))) throw noSuchProject(id);
  };
  return new Hono<AppEnv>()
    .post("/:id/reel", smallJsonBody(), async (c) => {
      const projectId = c.req.param("id");
      await projectOrThrow(projectId);
      const { canvas, takes } = parseOrThrow(createReelSchema, await readJsonBody(c.req.raw));
      const events = await planReel(deps, projectId, takes ?? {});
      const reel = await deps.reels.create({ projectId, canvas, events, createdBy: c.get("user").name });
      deps.reelQueue.enqueue(reel.id);
      return c.json(wireReel(reel), 202);
    })
    .get("/:id/reels", async (c) => {
      const projectId = c.req.param("id");
      await projectOrThrow(projectId);
      return c.json({ items: (await deps.reels.ofProject(projectId)).map(wireReel) });
    });
}

/** `GET /api/reels/:id`: a reel's status and progress, and its files once completed. */
export function reelsRoutes(deps: Pick<StudioDeps, "reels">) {
  return new Hono<AppEnv>().get("/:id", async (c) => {
    const id = c.req.param("id");
    const reel = await deps.reels.get(id);
    if (!reel) throw new HttpError(ERROR_CODES.notFound, `There is no reel with id "${id}".`);
    return c.json(wireReel(reel));
  });
}
