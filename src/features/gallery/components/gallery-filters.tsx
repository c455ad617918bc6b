import { Button } from "@/components/ui/button";
import { DURATIONS, MODEL_LIST } from "@/shared/models";
import { GENERATION_STATUSES } from "@/shared/status";
import { FilterCheckbox, FilterSelect } from "./filter-fields";
import { FilterSummary } from "./filter-summary";
import { ProjectFilters } from "./project-filters";
import { SearchBox } from "./search-box";
import { statusLabel } from "./status-badge";
import { useGalleryFilters } from "../hooks/use-gallery-filters";
import { showsAuthors } from "../utils/viewer";
import type { Viewer } from "../utils/viewer";

const RATIOS = [...new Set(MODEL_LIST.flatMap((model) => model.ratios))];

/** Search, status, model, ratio, duration, project, shot, review, favourites and mine; every choice is written to the URL. */
export function GalleryFilters({ viewer }: { viewer?: Viewer | undefined }) {
  const { filters, active, setFilter, clearFilters } = useGalleryFilters();

  return (
    <>
      <div role="search" aria-label="Filter takes" className="mb-3 flex flex-wrap items-end gap-3">
        <SearchBox value={filters.q ?? ""} onSearch={(text) => setFilter("q", text, { replace: true })} />
        <FilterSelect label="Status" name="status" value={filters.status} onChange={setFilter}>
          <option value="">Any status</option>
          {GENERATION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label="Model" name="model" value={filters.model} onChange={setFilter}>
          <option value="">Any model</option>
          {MODEL_LIST.map((model) => (
            <option key={model.id} value={model.id}>
              {model.label}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label="Ratio" name="ratio" value={filters.ratio} onChange={setFilter}>
          <option value="">Any ratio</option>
          {RATIOS.map((ratio) => (
            <option key={ratio} value={ratio}>
              {ratio}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label="Duration" name="duration" value={filters.duration} onChange={setFilter}>
          <option value="">Any length</option>
          {DURATIONS.map((d) => (
            <option key={d} value={d}>
              {d} s
            </option>
          ))}
        </FilterSelect>
        <ProjectFilters filters={filters} onChange={setFilter} />
        <FilterCheckbox label="Favourites only" checked={filters.favourite === "true"} onChange={(on) => setFilter("favourite", on ? "true" : undefined)} />
        {showsAuthors(viewer) && (
          <FilterCheckbox
            label="Mine only"
            title={viewer ? `Only the takes ${viewer.name} made` : undefined}
            checked={filters.mine === "true"}
            onChange={(on) => setFilter("mine", on ? "true" : undefined)}
          />
        )}
        {active && (
          <Button variant="ghost" onClick={clearFilters}>
            Clear filters
          </Button>
        )}
      </div>
      <FilterSummary filters={filters} onRemove={(name) => setFilter(name, undefined)} />
    </>
  );
}
