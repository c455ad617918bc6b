import type { Logger } from "pino";

/** Who made a request, as the auth layer decided. */
export type StudioUser = { name: string; isAdmin: boolean };

/** Hono's typed context variables for every BFF route. */
export type AppEnv = { Variables: { user: StudioUser; log: Logger } };
