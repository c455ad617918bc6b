import { readFileSync } from "node:fs";
import { EndpointStats, type Endpoint } from "./endpoint-stats";

/** The endpoint a request-log line is about, by method and path; null for what the tabs and creators don't send. */
function endpointOf(method: string, path: string): Endpoint | null {
  if (method === "GET" && path === "/api/generations") return "list";
  if (method === "GET" && path === "/api/timings") return "timings";
  if (method === "GET" && /^\/api\/generations\/[^/]+$/.test(path)) return "detail";
  if (method === "POST" && path === "/api/generations") return "create";
  if (method === "POST" && path === "/api/uploads") return "upload";
  return null;
}

type RequestLine = { msg?: string; time?: number; method?: string; path?: string; status?: number; ms?: number };

/**
 * The BFF's own request times (its request log's `ms`: from the request reaching its handlers
 * to the response written) for requests that ended in [from, to] (Date.now() values), by
 * endpoint. Beside the tabs' times, the difference is what the request spent outside the BFF's
 * handlers: in sockets, in the BFF's queue before Hono saw it, and in the load process itself.
 */
export function requestTimesFromLog(files: readonly string[], from: number, to: number): EndpointStats {
  const stats = new EndpointStats();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n")) {
      if (!line.includes('"msg":"request')) continue;
      let entry: RequestLine;
      try {
        entry = JSON.parse(line) as RequestLine;
      } catch {
        continue;
      }
      const endpoint = entry.method && entry.path ? endpointOf(entry.method, entry.path) : null;
      if (!endpoint || typeof entry.ms !== "number" || typeof entry.time !== "number" || entry.time < from || entry.time > to) continue;
      stats.record(endpoint, { status: entry.status ?? 0, ms: entry.ms, error: null });
    }
  }
  return stats;
}
