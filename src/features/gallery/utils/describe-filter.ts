import { MODELS } from "@/shared/models";
import type { ReviewState } from "@/shared/review";
import type { TakeStatus } from "@/shared/status";
import type { TakeFilters } from "@/shared/take";
import type { FilterName } from "../hooks/use-gallery-filters";

export type FilterLabels = {
  status: (status: TakeStatus) => string;
  review: (state: ReviewState) => string;
  /** The project's name and the shot's code, once known. */
  project: string | undefined;
  shot: string | undefined;
};

/** One active filter in words, as the summary above the grid shows it. */
export function describeFilter(name: FilterName, filters: TakeFilters, labels: FilterLabels): string {
  switch (name) {
    case "status":
      return `Status: ${filters.status ? labels.status(filters.status) : ""}`;
    case "model":
      return `Model: ${filters.model ? MODELS[filters.model].label : ""}`;
    case "ratio":
      return `Ratio: ${filters.ratio ?? ""}`;
    case "duration":
      return `Duration: ${filters.duration ?? ""} s`;
    case "favourite":
      return filters.favourite === "false" ? "Not favourites" : "Favourites only";
    case "mine":
      return filters.mine === "false" ? "Others' takes" : "Mine only";
    case "projectId":
      return `Project: ${labels.project ?? filters.projectId ?? ""}`;
    case "shotId":
      return `Shot: ${labels.shot ?? filters.shotId ?? ""}`;
    case "review":
      return `Review: ${filters.review ? labels.review(filters.review) : ""}`;
    case "q":
      return `Search: “${filters.q ?? ""}”`;
  }
}
