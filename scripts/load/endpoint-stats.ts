import { Agent, get } from "node:http";
import { describeFailure } from "./traffic";

export const ENDPOINTS = ["list", "detail", "timings", "create", "upload"] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

/** One answered (or failed) request; `ms` from before the request to the end of its body. */
export type Outcome = { status: number; ms: number; error: string | null };

export type EndpointSummary = { count: number; errors: number; resent: number; errorKinds: string; p50: number; p95: number; p99: number; max: number };

/** Nearest rank: the smallest latency at or above share `p` of the requests. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Every request's latency and every error, by endpoint. */
export class EndpointStats {
  readonly #latencies = new Map<Endpoint, number[]>(ENDPOINTS.map((e) => [e, []]));
  readonly #errors = new Map<Endpoint, Map<string, number>>(ENDPOINTS.map((e) => [e, new Map()]));
  readonly #resent = new Map<Endpoint, number>(ENDPOINTS.map((e) => [e, 0]));

  /** A GET sent again on a new connection after its kept-alive one closed under it (timedGet). */
  resent(endpoint: Endpoint): void {
    this.#resent.set(endpoint, this.#resent.get(endpoint)! + 1);
  }

  record(endpoint: Endpoint, { status, ms, error }: Outcome): void {
    this.#latencies.get(endpoint)!.push(ms);
    const kind = error ?? (status >= 200 && status < 300 ? null : `HTTP ${status}`);
    if (kind !== null) this.fault(endpoint, kind);
  }

  /** A recorded request whose answer turned out unusable (a body that does not parse, say). */
  fault(endpoint: Endpoint, kind: string): void {
    const kinds = this.#errors.get(endpoint)!;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }

  summary(...endpoints: Endpoint[]): EndpointSummary {
    const sorted = Float64Array.from(endpoints.flatMap((e) => this.#latencies.get(e)!)).sort();
    const kinds = new Map<string, number>();
    for (const e of endpoints) for (const [kind, n] of this.#errors.get(e)!) kinds.set(kind, (kinds.get(kind) ?? 0) + n);
    return {
      count: sorted.length,
      errors: [...kinds.values()].reduce((sum, n) => sum + n, 0),
      resent: endpoints.reduce((sum, e) => sum + this.#resent.get(e)!, 0),
      errorKinds: [...kinds].map(([kind, n]) => `${n}× ${kind}`).join(", "),
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      p99: percentile(sorted, 0.99),
      max: sorted.length ? sorted[sorted.length - 1]! : 0,
    };
  }
}

/**
 * One tab's connections, as one browser's: keep-alive, at most six to the studio at once (what
 * browsers allow per origin over HTTP/1.1), reused across its requests.
 */
export function tabAgent(): Agent {
  // An idle connection is dropped after 4 s, before the BFF's (Node's default keepAliveTimeout, 5 s)
  // would close it under a request.
  return new Agent({ keepAlive: true, maxSockets: 6, timeout: 4_000 });
}

/**
 * A GET timed to the end of its body and recorded; the parsed JSON of a 2xx answer, else null.
 * Through node:http on the tab's agent, not fetch: at 800 requests a second fetch cost the load
 * process more CPU than the studio it measures (undici's streams and an abort listener per
 * request), and a late load process inflates every latency it records. An answer not in by
 * `deadline` (Date.now()) is cut off and counted as an error.
 */
export function timedGet(stats: EndpointStats, endpoint: Endpoint, url: string, agent: Agent, deadline: number): Promise<{ status: number; json: unknown }> {
  const start = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const fail = (error: string, status = 0) => {
      if (settled) return;
      settled = true;
      stats.record(endpoint, { status, ms: performance.now() - start, error });
      resolve({ status, json: null });
    };
    const attempt = (retry: boolean) => {
      // The second send on a connection of its own (agent: false), not another kept-alive one.
      const request = get(url, { agent: retry ? agent : false, headers: { accept: "application/json" }, timeout: Math.max(1, deadline - Date.now()) }, (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", (error) => fail(describeFailure(error), status));
        response.on("end", () => {
          if (settled) return;
          settled = true;
          stats.record(endpoint, { status, ms: performance.now() - start, error: null });
          if (status < 200 || status >= 300) return resolve({ status, json: null });
          try {
            resolve({ status, json: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
          } catch {
            stats.fault(endpoint, "body is not JSON");
            resolve({ status, json: null });
          }
        });
      });
      request.on("timeout", () => request.destroy(new Error("no answer by the end of the run's drain")));
      request.on("error", (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the server closed as the request went out: a browser sends
        // such a GET again on a new connection, once, and so does a tab here (counted apart).
        const closedUnderIt = request.reusedSocket && (error.code === "ECONNRESET" || error.message === "socket hang up");
        if (retry && closedUnderIt && !settled) {
          stats.resent(endpoint);
          attempt(false);
        } else fail(describeFailure(error));
      });
    };
    attempt(true);
  });
}
