import type { FaultEndpoint, FaultRule, Faults } from "./faults-config";

export type FaultPlan = {
  /** Counts one call to `endpoint` (and to `jobKey`'s own counter) and picks the fault it gets, if any. */
  next(endpoint: FaultEndpoint, jobKey: string | undefined): { call: number; fault: FaultRule | undefined };
};

/** A 32-bit finaliser (murmur3's fmix32): good enough avalanche for fair coin flips. */
function mix(value: number): number {
  let x = value >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

function hashText(text: string): number {
  let hash = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * A uniform number in [0, 1) for call `call` of one rule's stream. Stateless on purpose:
 * whether call n is faulted depends only on seed, rule and n, never on how calls to other
 * endpoints or rules interleaved with it, so a concurrent client still gets a reproducible run.
 */
export function coinFlip(seed: number, stream: string, call: number): number {
  return mix(mix(seed ^ hashText(stream)) + call) / 2 ** 32;
}

function fires(rule: FaultRule, call: number, seed: number, stream: string): boolean {
  if (rule.rate !== undefined) return coinFlip(seed, stream, call) < rule.rate;
  if (rule.calls !== undefined) return rule.calls.includes(call);
  if (rule.every !== undefined) return call % rule.every === 0;
  return call >= (rule.from ?? 1) && call <= (rule.to ?? Number.POSITIVE_INFINITY);
}

export function createFaultPlan(faults: Faults | undefined): FaultPlan {
  const seed = faults?.seed ?? 0;
  const calls = new Map<FaultEndpoint, number>();
  // Per job: its ordinal among the jobs seen on that endpoint and its own call count. Rate
  // streams use the ordinal, not the random id, so perJob rates are reproducible too.
  const jobs = new Map<FaultEndpoint, Map<string, { ordinal: number; calls: number }>>();

  function jobCall(endpoint: FaultEndpoint, jobKey: string) {
    const seen = jobs.get(endpoint) ?? new Map<string, { ordinal: number; calls: number }>();
    jobs.set(endpoint, seen);
    const job = seen.get(jobKey) ?? { ordinal: seen.size + 1, calls: 0 };
    job.calls += 1;
    seen.set(jobKey, job);
    return job;
  }

  return {
    next(endpoint, jobKey) {
      const call = (calls.get(endpoint) ?? 0) + 1;
      calls.set(endpoint, call);
      const rules = faults?.[endpoint] ?? [];
      const job = jobKey !== undefined && rules.some((rule) => rule.perJob) ? jobCall(endpoint, jobKey) : undefined;
      const fault = rules.find((rule, index) => {
        if (!rule.perJob) return fires(rule, call, seed, `${endpoint}#${index}`);
        return job !== undefined && fires(rule, job.calls, seed, `${endpoint}#${index}:job${job.ordinal}`);
      });
      return { call, fault };
    },
  };
}
