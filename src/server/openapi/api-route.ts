import type { z } from "zod";

export type Method = "get" | "head" | "post" | "patch" | "delete";

type Headers = Record<string, string>;

/** A success reply: a JSON body (a shared zod schema), files of these media types, or nothing. */
export type Reply = { json: z.ZodType; headers?: Headers } | { media: readonly string[]; headers?: Headers } | { empty: true; headers?: Headers };

type Replies = Partial<Record<number, Reply & { description: string }>>;

/** One operation of the BFF as the OpenAPI document describes it. */
export type ApiRoute = {
  method: Method;
  /** OpenAPI form: `/api/generations/{id}`. */
  path: string;
  operationId: string;
  tag: "studio" | "session" | "uploads" | "generations" | "review" | "projects" | "usage" | "media";
  summary: string;
  description?: string;
  /** Needs no sign-in in any mode. */
  open?: true;
  params?: Record<string, string>;
  query?: z.ZodObject;
  body?: { json: z.ZodType; maxKb: number } | { multipart: true };
  /** Takes an `Idempotency-Key` header. */
  idempotent?: true;
  replies: Replies;
  /** Route-specific error statuses and when they happen; the common ones are added for every route. */
  errors?: Partial<Record<number, string>>;
};

/** `"get /api/x"`: the method and the OpenAPI path of one row. */
export type Endpoint = `${Method} /${string}`;
export type RouteDetails = Omit<ApiRoute, "method" | "path" | "operationId" | "tag" | "summary">;

/** The row builder for one tag, so a row reads as what it does rather than as the fields every row has. */
export const routesTagged =
  (tag: ApiRoute["tag"]) =>
  (endpoint: Endpoint, operationId: string, summary: string, details: RouteDetails): ApiRoute => {
    const [method, path] = endpoint.split(" ") as [Method, string];
    return { method, path, operationId, tag, summary, ...details };
  };

const withHeaders = (headers: Headers | undefined) => (headers ? { headers } : {});

export const json = (schema: z.ZodType, description: string, headers?: Headers) => ({ json: schema, description, ...withHeaders(headers) });
export const media = (types: readonly string[], description: string, headers?: Headers) => ({ media: types, description, ...withHeaders(headers) });
export const empty = (description: string) => ({ empty: true as const, description });

/** The usual success: 200 with this JSON body. */
export const ok = (schema: z.ZodType, description: string): Replies => ({ 200: json(schema, description) });
/** One page of a list. */
export const page = (schema: z.ZodType): Replies => ok(schema, "One page; pass `nextCursor` as `cursor` for the next.");
/** A create that is answered with what an earlier, identical request already made. */
export const createdOrFound = (schema: z.ZodType, created: string, found: string): Replies => ({ 201: json(schema, created), 200: json(schema, found) });
