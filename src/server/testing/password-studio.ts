import { startHarness } from "./studio-harness";

export const TEST_PASSWORD = "lantern-harbour-42";

/** The settings of a studio in `password` mode whose admin is Boss. */
export const PASSWORD_SETTINGS = { AUTH_MODE: "password", STUDIO_PASSWORD: TEST_PASSWORD, ADMINS: "Boss" } as const;

export const startPasswordHarness = (overrides: Record<string, string> = {}, options: Parameters<typeof startHarness>[2] = {}) =>
  startHarness({ ...PASSWORD_SETTINGS, ...overrides }, undefined, options);

/** `name=value` of the cookie a reply sets, as a browser would send it back. */
export const cookieOf = (reply: { headers: Headers }) => (reply.headers.get("set-cookie") ?? "").split(";")[0]!;

/** Signs `name` in with the studio password and returns the session cookie to send back. */
export async function signIn(baseUrl: string, name: string, password = TEST_PASSWORD): Promise<string> {
  const reply = await fetch(`${baseUrl}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, password }) });
  if (reply.status !== 200) throw new Error(`${name} could not sign in: ${reply.status}`);
  return cookieOf(reply);
}
