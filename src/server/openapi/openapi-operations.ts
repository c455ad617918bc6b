import { apiErrorSchema } from "../../shared/api-error";
import { ACCEPTED_IMAGE_TYPES } from "../../shared/limits";
import { IDEMPOTENCY_KEY } from "../http/request-guards";
import type { ApiRoute, Reply } from "./api-route";
import { inlineSchema, type createSchemaComponents } from "./schema-components";

type Components = ReturnType<typeof createSchemaComponents>;
type Json = Record<string, unknown>;

const WRITES = new Set(["post", "patch", "delete"]);

/** The route's own errors, then those any route of its kind can answer with, whatever it does. */
function errorsOf(route: ApiRoute): Record<number, string> {
  const errors: Record<number, string> = {};
  const add = (status: number, description: string) => {
    errors[status] = errors[status] ? `${errors[status]} Or: ${description}` : description;
  };
  for (const [status, description] of Object.entries(route.errors ?? {})) add(Number(status), description!);
  if (route.body && "json" in route.body) {
    add(400, "The body is not valid JSON (`malformed_json`).");
    add(413, `The body is larger than ${route.body.maxKb} KB (\`payload_too_large\`).`);
    add(415, "The body is not `application/json` (`unsupported_content_type`).");
  }
  if (!route.open) {
    add(400, "`proxy` mode: the sign-in proxy's user header is malformed (`bad_proxy_header`).");
    add(401, "Not signed in (`unauthenticated`).");
  }
  if (WRITES.has(route.method)) add(403, "A cross-site write: its `Origin` or `Sec-Fetch-Site` is not the studio's own (`cross_site_refused`).");
  add(421, "The `Host` is not one this studio answers to (`misdirected_request`); the operator adds addresses with `PUBLIC_ORIGIN`.");
  add(500, "Something unexpected went wrong on the server (`internal_error`).");
  return errors;
}

const headerObjects = (headers: Record<string, string> | undefined) =>
  headers ? { headers: Object.fromEntries(Object.entries(headers).map(([name, description]) => [name, { description, schema: { type: "string" } }])) } : {};

function replyObject(reply: Reply & { description: string }, components: Components): Json {
  const base = { description: reply.description, ...headerObjects(reply.headers) };
  if ("json" in reply) return { ...base, content: { "application/json": { schema: components.ref(reply.json, "output") } } };
  if ("media" in reply) return { ...base, content: Object.fromEntries(reply.media.map((type) => [type, { schema: { type: "string", contentMediaType: type } }])) };
  return base;
}

function errorObject(status: number, description: string, components: Components): Json {
  const retry = status === 429 || status === 503 ? { "retry-after": "Seconds to wait before trying again, when known." } : undefined;
  return { description, ...headerObjects(retry), content: { "application/json": { schema: components.ref(apiErrorSchema, "output") } } };
}

function parameters(route: ApiRoute): Json[] {
  const path = Object.entries(route.params ?? {}).map(([name, description]) => ({ name, in: "path", required: true, description, schema: { type: "string" } }));
  const query: Json[] = [];
  if (route.query) {
    const schema = inlineSchema(route.query, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const { description, ...rest } = property;
      query.push({ name, in: "query", required: schema.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest });
    }
  }
  const header = route.idempotent
    ? [{ name: "Idempotency-Key", in: "header", required: false, description: "One key per submit: a retried or doubled request returns the first result.", schema: { type: "string", pattern: IDEMPOTENCY_KEY.source } }]
    : [];
  return [...path, ...query, ...header];
}

function requestBody(route: ApiRoute, components: Components): Json | undefined {
  if (!route.body) return undefined;
  if ("json" in route.body) return { required: true, content: { "application/json": { schema: components.ref(route.body.json, "input") } } };
  return {
    required: true,
    content: {
      "multipart/form-data": {
        schema: { type: "object", required: ["file"], properties: { file: { type: "string", contentMediaType: "application/octet-stream", description: "The image file." } } },
        encoding: { file: { contentType: ACCEPTED_IMAGE_TYPES.join(", ") } },
      },
    },
  };
}

/** One OpenAPI operation object from a row of the route table. */
export function operationObject(route: ApiRoute, components: Components): Json {
  const errors = errorsOf(route);
  const responses: Record<string, Json> = {};
  for (const [status, reply] of Object.entries(route.replies)) responses[status] = replyObject(reply!, components);
  for (const [status, description] of Object.entries(errors)) responses[status] = errorObject(Number(status), description, components);
  const params = parameters(route);
  const body = requestBody(route, components);
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.open ? { security: [] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b))),
  };
}
