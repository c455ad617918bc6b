import type { z } from "zod";
import { ERROR_CODES } from "../../shared/api-error";
import { HttpError } from "./http-error";

/** One sentence per bad field, keyed by the top-level field name the client sent. */
export function fieldMessages(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const at = [...issue.path, key].join(".");
        fields[at] ??= `Remove "${key}": it is not a field Dailies knows.`;
      }
      continue;
    }
    const key = issue.path.length ? String(issue.path[0]) : "body";
    fields[key] ??= issue.message;
  }
  return fields;
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = fieldMessages(result.error.issues);
  const count = Object.keys(fields).length;
  throw new HttpError(400, ERROR_CODES.validation, count === 1 ? Object.values(fields)[0]! : `${count} fields need a change.`, fields);
}

/** Reads a JSON body, refusing other content types and malformed JSON with a clear message. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, ERROR_CODES.unsupportedContentType, `Send JSON with "Content-Type: application/json" (got "${type || "none"}").`);
  }
  const text = await request.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : "";
    throw new HttpError(400, ERROR_CODES.malformedJson, `The request body is not valid JSON${detail}.`);
  }
}
