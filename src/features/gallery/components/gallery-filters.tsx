import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/ui/styles";
import { DURATIONS, MODEL_LIST } from "@/shared/models";
import { GENERATION_STATUSES } from "@/shared/status";
import { SearchBox } from "./search-box";
import { statusLabel } from "./status-badge";
import { useGalleryFilters } from "../hooks/use-gallery-filters";
import type { FilterName } from "../hooks/use-gallery-filters";
import { showsAuthors } from "../utils/viewer";
import type { Viewer } from "../utils/viewer";

const RATIOS = [...new Set(MODEL_LIST.flatMap((model) => model.ratios))];

/** Status, model, ratio, duration, favourites, mine and prompt search; every choice is written to the URL. */
export function GalleryFilters({ viewer }: { viewer?: Viewer | undefined }) {
  const { filters, active, setFilter, clearFilters } = useGalleryFilters();

  return (
    <div role="search" aria-label="Filter takes" className="mb-4 flex flex-wrap items-end gap-3">
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
  );
}

type FilterSelectProps = {
  label: string;
  name: FilterName;
  value: string | number | undefined;
  onChange: (name: FilterName, value: string | undefined) => void;
  children: ReactNode;
};

function FilterSelect({ label, name, value, onChange, children }: FilterSelectProps) {
  const id = `gallery-filter-${name}`;
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {/* The form has its own "Model" and "Duration": say which one this is. */}
        <span className="sr-only">Filter by</span> {label}
      </label>
      <select id={id} className={`${inputClass} mt-1 w-auto`} value={value ?? ""} onChange={(event) => onChange(name, event.target.value || undefined)}>
        {children}
      </select>
    </div>
  );
}

type FilterCheckboxProps = { label: string; title?: string | undefined; checked: boolean; onChange: (checked: boolean) => void };

function FilterCheckbox({ label, title, checked, onChange }: FilterCheckboxProps) {
  return (
    <label title={title} className="flex h-10 items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
      <input type="checkbox" className="size-4 accent-accent-600" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}
