import { Hono } from "hono";
import { updateTakeSchema } from "../../shared/review";
import { rerunSchema } from "../../shared/take";
import type { AppEnv } from "../http/app-env";
import { jsonBodyLimit, takeRequest, withRequestLog } from "../http/request-guards";
import { parseOrThrow, readJsonBody } from "../http/validate";
import { rerunTake } from "../jobs/rerun-take";
import { unknownShot } from "../jobs/take-origin";
import type { SubmitDeps } from "../jobs/submit-takes";
import type { StudioDeps } from "../studio";
import { attachmentHeader } from "../media/download-name";
import { deleteTake } from "../takes/delete-take";
import { buildHandoff } from "../takes/handoff-zip";
import { noSuchTake } from "../takes/no-such-take";
import { wireTake } from "../takes/wire-take";

/** What a creator does with one take: re-run it, mark, review or move it, delete it, hand it off. */
export function takeActionsRoutes(deps: SubmitDeps & Pick<StudioDeps, "notes">) {
  return new Hono<AppEnv>()
    .post("/:id/rerun", jsonBodyLimit(), async (c) => {
      const { seed, model } = parseOrThrow(rerunSchema, await readJsonBody(c.req.raw));
      const source = await deps.store.get(c.req.param("id"));
      if (!source) throw noSuchTake(c.req.param("id"));
      const { take, created } = await rerunTake(withRequestLog(deps, c), source, seed, takeRequest(c, { seed, model }), model);
      return c.json(wireTake(take), created ? 201 : 200);
    })
    .patch("/:id", jsonBodyLimit(), async (c) => {
      const { favourite, review, shotId } = parseOrThrow(updateTakeSchema, await readJsonBody(c.req.raw));
      // Anyone signed in may review any take; the state records who set it.
      const marks = { favourite, shotId, ...(review ? { review: { state: review, by: c.get("user").name } } : {}) };
      const result = await deps.store.setMarks(c.req.param("id"), marks);
      if (result.outcome === "missing") throw noSuchTake(c.req.param("id"));
      if (result.outcome === "no_shot") throw unknownShot(shotId!);
      return c.json(wireTake(result.take));
    })
    .delete("/:id", async (c) => {
      await deleteTake(deps.store, deps.media, c.req.param("id"), c.get("user"));
      return c.body(null, 204);
    })
    .get("/:id/handoff.zip", async (c) => {
      const id = c.req.param("id");
      const { fileName, bytes, stream } = await buildHandoff(deps, await deps.store.get(id), id);
      return c.body(stream, 200, {
        "content-type": "application/zip",
        "content-length": String(bytes),
        "content-disposition": attachmentHeader(fileName),
        "cache-control": "no-store",
      });
    });
}
