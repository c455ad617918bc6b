import { describeFailure } from "./traffic";

export const ENDPOINTS = ["list", "detail", "timings", "create", "upload"] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

/** One answered (or failed) request; `ms` from before the request to the end of its body. */
export type Outcome = { status: number; ms: number; error: string | null };

export type EndpointSummary = { count: number; errors: number; errorKinds: string; p50: number; p95: number; p99: number; max: number };

/** Nearest rank: the smallest latency at or above share `p` of the requests. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Every request's latency and every error, by endpoint. */
export class EndpointStats {
  readonly #latencies = new Map<Endpoint, number[]>(ENDPOINTS.map((e) => [e, []]));
  readonly #errors = new Map<Endpoint, Map<string, number>>(ENDPOINTS.map((e) => [e, new Map()]));

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
      errorKinds: [...kinds].map(([kind, n]) => `${n}× ${kind}`).join(", "),
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      p99: percentile(sorted, 0.99),
      max: sorted.length ? sorted[sorted.length - 1]! : 0,
    };
  }
}

/**
 * A GET timed to the end of its body and recorded; the parsed JSON of a 2xx answer, else null.
 * `signal` bounds it.
 */
export async function timedGet(stats: EndpointStats, endpoint: Endpoint, url: string, signal: AbortSignal): Promise<{ status: number; json: unknown }> {
  const start = performance.now();
  let status = 0;
  let text: string;
  try {
    const response = await fetch(url, { headers: { accept: "application/json" }, signal });
    status = response.status;
    text = await response.text();
  } catch (error) {
    stats.record(endpoint, { status, ms: performance.now() - start, error: describeFailure(error) });
    return { status, json: null };
  }
  stats.record(endpoint, { status, ms: performance.now() - start, error: null });
  if (status < 200 || status >= 300) return { status, json: null };
  try {
    return { status, json: JSON.parse(text) };
  } catch {
    stats.fault(endpoint, "body is not JSON");
    return { status, json: null };
  }
}
