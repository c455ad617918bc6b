import { randomUUID } from "node:crypto";

/** One zod-style issue, as the AI/ML API lists them under `errors`. */
export type WireIssue = { code: string; path: (string | number)[]; message: string };

/** The AI/ML API's error envelope (see the contract's "HTTP errors"). */
export function errorBody(statusCode: number, message: string, path: string, errors?: WireIssue[]) {
  return {
    message,
    path,
    requestId: randomUUID(),
    statusCode,
    timestamp: new Date().toISOString(),
    ...(errors ? { errors } : {}),
  };
}
