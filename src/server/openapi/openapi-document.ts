import { APP_INFO } from "../app-info";
import { SESSION_COOKIE } from "../auth/session-cookie";
import type { ApiRoute } from "./api-route";
import { projectApiRoutes } from "./project-api-routes";
import { reviewApiRoutes } from "./review-api-routes";
import { reelApiRoutes } from "./reel-api-routes";
import { takeApiRoutes } from "./take-api-routes";
import { mediaApiRoutes, uploadApiRoutes } from "./library-api-routes";
import { operationObject } from "./openapi-operations";
import { createSchemaComponents } from "./schema-components";
import { studioApiRoutes } from "./studio-api-routes";

/** Every operation of the BFF; a test holds this list and the app's routes to each other. */
export const API_ROUTES: readonly ApiRoute[] = [...studioApiRoutes, ...uploadApiRoutes, ...takeApiRoutes, ...reviewApiRoutes, ...projectApiRoutes, ...mediaApiRoutes, ...reelApiRoutes];

const DESCRIPTION = `The Dailies studio's HTTP API: the BFF the web app uses, open to other studio tools.

**Sign-in** depends on the studio's \`AUTH_MODE\`: \`none\` needs no credentials (loopback only);
\`password\` needs the \`${SESSION_COOKIE}\` cookie from \`POST /api/session\`; \`proxy\` believes
the user header its trusted sign-in proxy sets (\`PROXY_USER_HEADER\`, from \`TRUSTED_PROXIES\` only).
Operations marked with no security are open in every mode.

**Writes** must be same-origin: a browser's cross-site \`Origin\` or \`Sec-Fetch-Site\` gets 403.
Every path answers 421 to a \`Host\` the studio does not know.

**Errors** are \`{"error": {"code", "message", "fields"?}}\` with the status code; \`fields\` maps each
bad field to a sentence saying what to change.`;

/** The OpenAPI 3.1 document, built from the route table and the shared zod schemas. */
export function buildOpenApiDocument(routes: readonly ApiRoute[] = API_ROUTES) {
  const components = createSchemaComponents();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    if (item[route.method]) throw new Error(`${route.method.toUpperCase()} ${route.path} is in the route table twice.`);
    item[route.method] = operationObject(route, components);
  }
  return {
    openapi: "3.1.1",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: { title: "Dailies", version: APP_INFO.version, description: DESCRIPTION },
    servers: [{ url: "/", description: "The studio that serves this document." }],
    tags: [
      { name: "studio", description: "Health, this document and the models." },
      { name: "session", description: "Sign-in and sign-out." },
      { name: "uploads", description: "The image library." },
      { name: "generations", description: "Takes: make, find, mark, re-run, delete, hand off." },
      { name: "review", description: "Notes on the frame and a take's family." },
      { name: "projects", description: "Projects and their ordered shots." },
      { name: "usage", description: "Spend and cost estimates." },
      { name: "media", description: "Stored files by id, with `Range`." },
    ],
    // Alternatives: the cookie, the proxy's header, or nothing at all (AUTH_MODE=none).
    security: [{ session: [] }, { proxyUser: [] }, {}],
    paths,
    components: {
      schemas: components.build(),
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: "`AUTH_MODE=password`: set by `POST /api/session`; HttpOnly, SameSite=Lax." },
        proxyUser: {
          type: "apiKey",
          in: "header",
          name: "X-Forwarded-Email",
          description: "`AUTH_MODE=proxy`: the user's name, set by the trusted sign-in proxy. The header is `PROXY_USER_HEADER` (this is its default); sent by anyone else, it is ignored.",
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
