import type { z } from "zod";
import { listQuerySchema } from "../../shared/api";
import {
  createBatchSchema,
  createTakeSchema,
  takeBatchSchema,
  takeFiltersSchema,
  takeListSchema,
  takeSchema,
  rerunSchema,
} from "../../shared/take";
import { updateTakeSchema } from "../../shared/review";
import { createdOrFound, empty, media, ok, page, routesTagged, type ApiRoute, type Endpoint, type RouteDetails } from "./api-route";

const take = routesTagged("generations");
const id = { id: "The take's id." };
const noSuchTake = { 404: "No take has this id." };
const submitErrors = {
  400: "A field is missing or wrong (`fields` says what to change; an unknown `shotId` or `sourceId` too), or the `Idempotency-Key` header is malformed.",
  413: "The provider found the image too large.",
  422: "An upload id the studio does not know, an `Idempotency-Key` reused for a different request, or input the provider refused.",
  429: "A spend limit is reached (`limit_reached`), or the provider is rate limiting the studio.",
  502: "The provider failed or could not be reached; nothing was charged.",
};

const landing =
  "With `shotId` the takes land in that shot. `sourceId` names the take the form was filled from and then edited: the new takes join its family as `edited`. An unknown `shotId` or `sourceId` is a 400 on that field, and nothing is sent upstream.";

type Submitted = { request: z.ZodType; reply: z.ZodType; created: string; found: string };

/** Every submit takes a JSON body and an `Idempotency-Key`, and can fail upstream the same ways. */
const submit = (endpoint: Endpoint, operationId: string, summary: string, io: Submitted, details: Partial<RouteDetails> = {}) =>
  take(endpoint, operationId, summary, {
    body: { json: io.request, maxKb: 64 },
    idempotent: true,
    replies: createdOrFound(io.reply, io.created, io.found),
    errors: submitErrors,
    ...details,
  });

const one = { reply: takeSchema, found: "The take this `Idempotency-Key` already made." };
const several = { reply: takeBatchSchema, found: "The takes this `Idempotency-Key` already made." };

/** Making takes, finding them, and what a creator does with one. */
export const takeApiRoutes: ApiRoute[] = [
  submit("post /api/generations", "createGeneration", "Start one take", { ...one, request: createTakeSchema, created: "The new take, queued." }, {
    description: `${landing} The take is a batch of one: its \`batchId\` is its own id.`,
  }),
  submit("post /api/generations/batch", "createBatch", "Start 1 to 4 takes of the same settings", { ...several, request: createBatchSchema, created: "The new takes, queued." }, {
    description: `With a locked seed the takes use seed, seed+1, … (wrapping); without one, distinct random seeds. ${landing} The takes share one \`batchId\`: the first take's id.`,
  }),
  take("get /api/generations", "listGenerations", "Takes, newest first, filtered (all filters combine with AND)", {
    query: listQuerySchema.extend(takeFiltersSchema.shape),
    replies: page(takeListSchema),
    errors: { 400: "A filter, `limit` or `cursor` is not valid, `projectId` or `shotId` names nothing, or `shotId` is a shot of another project than `projectId` (`fields` names it)." },
  }),
  take("get /api/generations/{id}", "getGeneration", "One take", { params: id, replies: ok(takeSchema, "The take."), errors: noSuchTake }),
  take("patch /api/generations/{id}", "updateGeneration", "Favourite a take, set its review state, or move it to a shot", {
    description:
      "Any of `favourite` (a personal bookmark), `review` (the studio's verdict, set by anyone signed in; `by` and `at` record who and when) and `shotId` (a shot of any project: the take's `projectId` follows; null takes it out of its shot).",
    params: id,
    body: { json: updateTakeSchema, maxKb: 64 },
    replies: ok(takeSchema, "The updated take."),
    errors: { 400: "A field is wrong, or `shotId` names no shot (`fields` says which).", ...noSuchTake },
  }),
  take("delete /api/generations/{id}", "deleteGeneration", "Delete a finished take and its files (input frames stay in the library)", {
    params: id,
    replies: { 204: empty("Deleted.") },
    errors: { 403: "Only the take's author or an admin may delete it.", ...noSuchTake, 409: "The take is still running (`still_running`)." },
  }),
  submit("post /api/generations/{id}/rerun", "rerunGeneration", 'Re-run a take exactly (`"same"` seed) or as a variation (`"new"`)', { ...one, request: rerunSchema, created: "The new take." }, {
    description:
      "With `model` (another than the take's) the take's settings are adapted to it first: a ratio it lacks becomes its nearest, a duration its nearest, a last frame it can't use is dropped; the new take joins the family as `other_model` (re-run with another model). A prompt that model can't take is a 400 on `model`.",
    params: id,
    errors: {
      ...submitErrors,
      ...noSuchTake,
      409: "The take has no first frame on record, or the model is unavailable here (`model_unavailable`: retired or not enabled; nothing is sent).",
    },
  }),
  take("get /api/generations/{id}/handoff.zip", "getHandoff", "The MP4, the poster, `take.json` (every parameter, provenance, review state, shot, project and notes) and the input frames", {
    params: id,
    replies: { 200: media(["application/zip"], "The hand-off archive, as an attachment.", { "content-disposition": "attachment; filename=…" }) },
    errors: { ...noSuchTake, 409: "The take is not completed (`not_completed`)." },
  }),
];
