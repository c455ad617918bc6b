import { Hono } from "hono";
import { createProjectSchema, createShotSchema, updateProjectSchema } from "../../shared/project";
import type { AppEnv } from "../http/app-env";
import { smallJsonBody } from "../http/request-guards";
import { parseOrThrow, readJsonBody } from "../http/validate";
import { deletedOrThrow, noSuchProject, shotOrThrow } from "../projects/project-refusals";
import { wireProject, wireProjectDetail, wireShot } from "../projects/wire-project";
import { removeReelFiles } from "../reels/render-reel";
import type { StudioDeps } from "../studio";

type Deps = Pick<StudioDeps, "projects" | "shots" | "reels" | "media">;

/** Projects and the shots they hold, in order. */
export function projectsRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .post("/", smallJsonBody(), async (c) => {
      const { name, description } = parseOrThrow(createProjectSchema, await readJsonBody(c.req.raw));
      const project = await deps.projects.create({ name, description: description ?? null, createdBy: c.get("user").name });
      return c.json(wireProject(project), 201);
    })
    .get("/", async (c) => c.json({ items: (await deps.projects.list()).map(wireProject) }))
    .get("/:id", async (c) => {
      const id = c.req.param("id");
      const project = await deps.projects.get(id);
      if (!project) throw noSuchProject(id);
      return c.json(wireProjectDetail(project, await deps.shots.ofProject(id)));
    })
    .patch("/:id", smallJsonBody(), async (c) => {
      const { name, description } = parseOrThrow(updateProjectSchema, await readJsonBody(c.req.raw));
      const id = c.req.param("id");
      const project = await deps.projects.update(id, { name, description });
      if (!project) throw noSuchProject(id);
      return c.json(wireProject(project));
    })
    .delete("/:id", async (c) => {
      const id = c.req.param("id");
      // Its reels go with it (the rows by ON DELETE CASCADE); one cut meanwhile leaves no files either.
      const reels = await deps.reels.ofProject(id);
      deletedOrThrow(await deps.projects.delete(id), "project", id);
      for (const reel of reels) await removeReelFiles(deps.media, reel.id);
      return c.body(null, 204);
    })
    .post("/:id/shots", smallJsonBody(), async (c) => {
      const { code, description, order } = parseOrThrow(createShotSchema, await readJsonBody(c.req.raw));
      const id = c.req.param("id");
      const shot = shotOrThrow(await deps.shots.create(id, { code, description: description ?? null, order }), () => noSuchProject(id));
      return c.json(wireShot(shot), 201);
    });
}
