import { useQuery } from "@tanstack/react-query";
import type { TakeFilters } from "@/shared/take";
import { shotOptionsQueryOptions } from "../api/get-project";
import { projectOptionsQueryOptions } from "../api/list-projects";
import { FILTER_NAMES } from "../hooks/use-gallery-filters";
import type { FilterName } from "../hooks/use-gallery-filters";
import { describeFilter } from "../utils/describe-filter";
import { reviewLabel } from "./review-badge";
import { statusLabel } from "./status-badge";

type FilterSummaryProps = { filters: TakeFilters; onRemove: (name: FilterName) => void };

/** What the grid is narrowed by, in words, each with its own way out. */
export function FilterSummary({ filters, onRemove }: FilterSummaryProps) {
  const projects = useQuery(projectOptionsQueryOptions());
  const shots = useQuery({ ...shotOptionsQueryOptions(filters.projectId ?? ""), enabled: filters.projectId !== undefined });
  const labels = {
    status: statusLabel,
    review: reviewLabel,
    project: projects.data?.items.find((p) => p.id === filters.projectId)?.name,
    shot: shots.data?.shots.find((s) => s.id === filters.shotId)?.code,
  };
  const active = FILTER_NAMES.filter((name) => filters[name] !== undefined);
  if (active.length === 0) return null;

  return (
    <div className="mb-4 flex flex-wrap items-center gap-2 text-sm">
      <h3 id="active-filters" className="font-medium text-zinc-700 dark:text-zinc-300">
        Showing only:
      </h3>
      <ul aria-labelledby="active-filters" className="flex flex-wrap gap-2">
        {active.map((name) => {
          const text = describeFilter(name, filters, labels);
          return (
            <li key={name} className="inline-flex items-center gap-1 rounded-full bg-accent-50 py-0.5 pr-1 pl-2.5 text-xs text-accent-900 dark:bg-accent-900/40 dark:text-accent-100">
              {text}
              <button
                type="button"
                aria-label={`Remove filter ${text}`}
                className="rounded-full px-1.5 leading-5 hover:bg-accent-100 focus-visible:outline-2 focus-visible:outline-accent-500 dark:hover:bg-accent-800"
                onClick={() => onRemove(name)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
