import type { z } from "zod";

export type Method = "get" | "head" | "post" | "patch" | "delete";

/** A success reply: a JSON body (a shared zod schema), files of these media types, or nothing. */
export type Reply = { json: z.ZodType; headers?: Record<string, string> } | { media: readonly string[]; headers?: Record<string, string> } | { empty: true; headers?: Record<string, string> };

/** One operation of the BFF as the OpenAPI document describes it. */
export type ApiRoute = {
  method: Method;
  /** OpenAPI form: `/api/generations/{id}`. */
  path: string;
  operationId: string;
  tag: "studio" | "session" | "uploads" | "generations" | "usage" | "media";
  summary: string;
  description?: string;
  /** Needs no sign-in in any mode. */
  open?: true;
  params?: Record<string, string>;
  query?: z.ZodObject;
  body?: { json: z.ZodType; maxKb: number } | { multipart: true };
  /** Takes an `Idempotency-Key` header. */
  idempotent?: true;
  replies: Partial<Record<number, Reply & { description: string }>>;
  /** Route-specific error statuses and when they happen; the common ones are added for every route. */
  errors?: Partial<Record<number, string>>;
};

export const json = (schema: z.ZodType, description: string, headers?: Record<string, string>) => ({ json: schema, description, ...(headers ? { headers } : {}) });
export const empty = (description: string) => ({ empty: true as const, description });
