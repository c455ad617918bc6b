import { apiErrorSchema } from "../../shared/api-error";
import { createOpenApiChecker } from "./openapi-check";

export type Call = { method?: string; body?: unknown; form?: FormData; headers?: Record<string, string> };

/** Real requests to a studio, each response checked against the OpenAPI document as it arrives. */
export function createCheckedCalls(checker: ReturnType<typeof createOpenApiChecker>) {
  async function call(baseUrl: string, path: string, { method = "GET", body, form, headers = {} }: Call = {}) {
    const sent: Record<string, string> = { ...headers };
    const init: RequestInit = { method, headers: sent };
    if (form) init.body = form;
    else if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body);
      sent["content-type"] ??= "application/json";
    }
    const response = await fetch(`${baseUrl}${path}`, init);
    const parsed = (await checker.check(method, path, response)) as Record<string, unknown> & { id: string };
    return { status: response.status, body: parsed, headers: response.headers };
  }
  /** The statuses of several calls made one after another. */
  async function statuses(baseUrl: string, calls: [string, Call?][]): Promise<number[]> {
    const answered: number[] = [];
    for (const [path, init] of calls) answered.push((await call(baseUrl, path, init)).status);
    return answered;
  }
  return { call, statuses };
}

/** Requests whose every answer is checked against the OpenAPI document as it arrives. */
export const checkedCalls = () => createCheckedCalls(createOpenApiChecker()).call;

/** The `error` of an answer's envelope, parsed (throws when the body is not one). */
export const errorOf = (answer: { body: unknown }) => apiErrorSchema.parse(answer.body).error;

/** The error of a reply read straight from fetch. */
export const errorOfReply = async (response: Response) => apiErrorSchema.parse(await response.json()).error;

export function imageForm(bytes: Buffer, type = "image/jpeg"): FormData {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type }), "frame.jpg");
  return form;
}
