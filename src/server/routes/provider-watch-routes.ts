import { Hono, type Context, type Next } from "hono";
import { ERROR_CODES } from "../../shared/api-error";
import type { CatalogueWatch } from "../../shared/provider-watch";
import type { AppEnv } from "../http/app-env";
import { HttpError } from "../http/http-error";
import { isModelUsedHere } from "../upstream/aimlapi-client";
import type { StudioDeps } from "../studio";

/**
 * The provider's side of the books, for admins: `GET /api/insights/reconciliation` (the daily
 * check of the ledger against `GET /v2/usage`; `POST` runs it now) and `GET /api/insights/catalogue`
 * (models its catalogue started or stopped listing).
 */
export function providerWatchRoutes(deps: Pick<StudioDeps, "reconciler" | "providerWatch" | "catalogue">) {
  // Per path, not `use()` on the whole sub-app: mounted at /api/insights, that would guard the insights everyone sees.
  const adminOnly = async (c: Context<AppEnv>, next: Next) => {
    if (!c.get("user").isAdmin) throw new HttpError(ERROR_CODES.forbidden, "Only an admin can see the provider's account figures.");
    await next();
  };
  return new Hono<AppEnv>()
    .use("/reconciliation", adminOnly)
    .use("/catalogue", adminOnly)
    .get("/reconciliation", async (c) => c.json(await deps.reconciler.days()))
    .post("/reconciliation", async (c) => {
      await deps.reconciler.run();
      return c.json(await deps.reconciler.days());
    })
    .get("/catalogue", async (c) => {
      const readAt = deps.catalogue.readAt();
      const changes = await deps.providerWatch.catalogueChanges();
      const body: CatalogueWatch = {
        readAt: readAt === null ? null : new Date(readAt).toISOString(),
        listed: await deps.providerWatch.listedModels(),
        changes: changes.map((change) => ({ model: change.model, change: change.change, at: new Date(change.at).toISOString(), usedHere: isModelUsedHere(change.model) })),
      };
      return c.json(body);
    });
}
