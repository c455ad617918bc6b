import { z } from "zod";
import { createReelSchema, reelListSchema, reelSchema } from "../../shared/reel";
import { SMALL_JSON_KB } from "../http/request-guards";
import { json, ok, routesTagged, type ApiRoute } from "./api-route";
import { mediaRoutes } from "./library-api-routes";

const projects = routesTagged("projects");
const project = { id: "The project's id." };
const noSuchProject = { 404: "No project has this id." };
const reelFile = (extension: string) => ({ file: `\`<reel id>.${extension}\`` });
const download = z.object({ download: z.literal("1").optional().describe("`1`: answer as an attachment named after the project, its date and canvas.") });

/** Reels: one MP4 of a project's chosen takes, cut by the studio, with its edit decision lists. */
export const reelApiRoutes: ApiRoute[] = [
  projects("post /api/projects/{id}/reel", "createReel", "Make the project's reel", {
    description:
      "Queues a reel of one take per shot, in shot order: the take `takes` names for the shot, else its circled take; shots with neither are left out. " +
      "Each take is scaled and padded to the canvas behind a 2 s slate. Poll `GET /api/reels/{id}` for `status` and `progress`.",
    params: project,
    body: { json: createReelSchema, maxKb: SMALL_JSON_KB },
    replies: { 202: json(reelSchema, "The queued reel.") },
    errors: {
      400: "A field is wrong: `fields` names `canvas`, or `takes.<shotId>` for a shot not in the project or a take that is unknown, of another shot or not completed; or nothing would be on the reel (`reel_empty`: circle a take or choose one).",
      ...noSuchProject,
    },
  }),
  projects("get /api/projects/{id}/reels", "listReels", "The project's reels, newest first", { params: project, replies: ok(reelListSchema, "The reels."), errors: noSuchProject }),
  projects("get /api/reels/{id}", "getReel", "A reel's status and progress, and its files once completed", {
    params: { id: "The reel's id." },
    replies: ok(reelSchema, "The reel."),
    errors: { 404: "No reel has this id." },
  }),
  ...mediaRoutes("/media/reels/{file}", "ReelFile", "A completed reel's MP4 (`.mp4`), or its edit decision list as JSON (`.json`) or CSV (`.csv`)", reelFile("mp4|json|csv"), ["video/mp4", "application/json", "text/csv"], "file", download),
];
