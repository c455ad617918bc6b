import { startHarness } from "./studio-harness";

export const TEST_PASSWORD = "lantern-harbour-42";

/** A studio in `password` mode whose admin is Boss. */
export const startPasswordHarness = (overrides: Record<string, string> = {}) => startHarness({ AUTH_MODE: "password", STUDIO_PASSWORD: TEST_PASSWORD, ADMINS: "Boss", ...overrides });

/** `name=value` of the cookie a reply sets, as a browser would send it back. */
export const cookieOf = (reply: { headers: Headers }) => (reply.headers.get("set-cookie") ?? "").split(";")[0]!;
