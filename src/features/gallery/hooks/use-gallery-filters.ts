import { useSearchParams } from "react-router";
import { takeFiltersSchema } from "@/shared/take";
import type { TakeFilters } from "@/shared/take";

export const FILTER_NAMES = ["status", "model", "ratio", "duration", "favourite", "mine", "projectId", "shotId", "review", "q"] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

// Hand-written links say `?favourite=1`; the BFF speaks "true"/"false".
const FLAG_ALIASES: Record<string, string> = { "1": "true", "0": "false" };
const FLAGS: ReadonlySet<FilterName> = new Set(["favourite", "mine"]);

/** Valid filters from the address; a bad value (hand-edited link) is ignored, not fatal. */
export function readFilters(params: URLSearchParams): TakeFilters {
  const filters: Record<string, unknown> = {};
  for (const name of FILTER_NAMES) {
    let raw = params.get(name)?.trim();
    if (!raw) continue;
    if (FLAGS.has(name)) raw = FLAG_ALIASES[raw] ?? raw;
    const parsed = takeFiltersSchema.safeParse({ [name]: raw });
    if (parsed.success && parsed.data[name] !== undefined && parsed.data[name] !== "") filters[name] = parsed.data[name];
  }
  return filters as TakeFilters;
}

/** The gallery's filters live in the URL, so a filtered view can be shared or reloaded. */
export function useGalleryFilters() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);

  function setFilter(name: FilterName, value: string | undefined, { replace = false } = {}) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === undefined || value === "") next.delete(name);
        else next.set(name, value);
        // Another project's shot would match nothing.
        if (name === "projectId") next.delete("shotId");
        return next;
      },
      { replace },
    );
  }

  function clearFilters() {
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const name of FILTER_NAMES) next.delete(name);
      return next;
    });
  }

  return { filters, active: Object.keys(filters).length > 0, setFilter, clearFilters };
}
