// The slice of autocannon 8's API the load script uses (the package ships no types).
declare module "autocannon" {
  type Request = { method?: string; path: string; headers?: Record<string, string> };
  type Options = { url: string; connections: number; duration: number; timeout?: number; requests?: Request[] };
  type Histogram = { average: number; mean: number; max: number; p50: number; p90: number; p99: number; p99_9: number; total: number };
  export type Result = {
    latency: Histogram;
    requests: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    duration: number;
  };
  type Instance = PromiseLike<Result> & { stop(): void };
  export default function autocannon(options: Options): Instance;
}
