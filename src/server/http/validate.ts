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
  throw new HttpError(ERROR_CODES.validation, count === 1 ? Object.values(fields)[0]! : `${count} fields need a change.`, { fields });
}

/** Reads a JSON body, refusing other content types and malformed JSON with a clear message. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(ERROR_CODES.unsupportedContentType, `Send JSON with "Content-Type: application/json" (got "${type || "none"}").`);
  }
  const text = await request.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : "";
    throw new HttpError(ERROR_CODES.malformedJson, `The request body is not valid JSON${detail}.`);
  }
  if (depthOf(value) > MAX_JSON_DEPTH) {
    throw new HttpError(ERROR_CODES.malformedJson, `The request body nests deeper than ${MAX_JSON_DEPTH} levels; no Dailies request needs that.`);
  }
  return value;
}

const MAX_JSON_DEPTH = 16;

/** Nesting depth, walked iteratively so a hostile body can't overflow the stack. */
function depthOf(root: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** A keyset cursor this server gave out (a row number), or null for the first page. */
export function parseCursor(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const cursor = Number(raw);
  if (Number.isSafeInteger(cursor) && cursor >= 0) return cursor;
  throw new HttpError(ERROR_CODES.validation, "The cursor is not one this server gave out. Start from the first page.", {
    fields: { cursor: "Use the nextCursor value from the previous page." },
  });
}
