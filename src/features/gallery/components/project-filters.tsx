import { useQuery } from "@tanstack/react-query";
import { REVIEW_STATES } from "@/shared/review";
import type { TakeFilters } from "@/shared/take";
import { shotOptionsQueryOptions } from "../api/get-project";
import { projectOptionsQueryOptions } from "../api/list-projects";
import type { FilterName } from "../hooks/use-gallery-filters";
import { FilterSelect } from "./filter-fields";
import { reviewLabel } from "./review-badge";

type ProjectFiltersProps = { filters: TakeFilters; onChange: (name: FilterName, value: string | undefined) => void };

/** Project, then one of its shots, and the studio's review state. */
export function ProjectFilters({ filters, onChange }: ProjectFiltersProps) {
  const projects = useQuery(projectOptionsQueryOptions());
  const shots = useQuery({ ...shotOptionsQueryOptions(filters.projectId ?? ""), enabled: filters.projectId !== undefined });
  const known = projects.data?.items ?? [];
  const unknownProject = filters.projectId !== undefined && projects.isSuccess && !known.some((p) => p.id === filters.projectId);
  const shotList = shots.data?.shots ?? [];
  const unknownShot = filters.shotId !== undefined && !shotList.some((s) => s.id === filters.shotId);

  return (
    <>
      <FilterSelect label="Project" name="projectId" value={filters.projectId} onChange={onChange}>
        <option value="">{projects.isError ? "Projects couldn't load" : "Any project"}</option>
        {known.map((project) => (
          <option key={project.id} value={project.id}>
            {project.name}
          </option>
        ))}
        {unknownProject && <option value={filters.projectId}>Unknown project</option>}
      </FilterSelect>
      <FilterSelect
        label="Shot"
        name="shotId"
        value={filters.shotId}
        onChange={onChange}
        disabled={filters.projectId === undefined && filters.shotId === undefined}
        title={filters.projectId === undefined ? "Choose a project first" : undefined}
      >
        <option value="">Any shot</option>
        {shotList.map((shot) => (
          <option key={shot.id} value={shot.id}>
            {shot.description ? `${shot.code} · ${shot.description}` : shot.code}
          </option>
        ))}
        {unknownShot && <option value={filters.shotId}>{shots.isPending && filters.projectId ? "Loading…" : "Unknown shot"}</option>}
      </FilterSelect>
      <FilterSelect label="Review" name="review" value={filters.review} onChange={onChange}>
        <option value="">Any review state</option>
        {REVIEW_STATES.map((state) => (
          <option key={state} value={state}>
            {reviewLabel(state)}
          </option>
        ))}
      </FilterSelect>
    </>
  );
}
