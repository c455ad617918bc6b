import type { ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { ProjectDetail } from "@/shared/project";
import { LoadFailed, LoadingNote } from "@/components/ui/query-state";
import { panelClass } from "@/components/ui/styles";
import { boardQueryOptions, isNotFound } from "../api/get-project";
import { useShotReorder } from "../hooks/use-shot-reorder";
import { useTakeSelection } from "../hooks/use-take-selection";
import { AddShotForm } from "./add-shot-form";
import { SelectionBar } from "./selection-bar";
import { ShotRow } from "./shot-row";

const backLinkClass = "text-sm font-medium text-accent-700 underline underline-offset-4 dark:text-accent-300";

type ShotBoardProps = {
  projectId: string;
  /** What the route shows under the shots (the reel), given the loaded project. */
  footer?: (project: ProjectDetail) => ReactNode;
};

/** `/p/:projectId`: one row per shot in order, each with its takes; shots are added, renamed and reordered here. */
export function ShotBoard({ projectId, footer }: ShotBoardProps) {
  const project = useQuery(boardQueryOptions(projectId));
  if (project.isPending) return <LoadingNote>Loading the shot board…</LoadingNote>;
  if (project.isError) {
    if (isNotFound(project.error)) {
      return (
        <div className="space-y-3 rounded-xl border border-dashed border-zinc-300 px-6 py-16 text-center dark:border-zinc-700">
          <h2 className="text-lg font-semibold">This project doesn't exist (or was deleted)</h2>
          <Link to="/projects" className={backLinkClass}>
            Back to projects
          </Link>
        </div>
      );
    }
    return <LoadFailed what="this project" error={project.error} onRetry={project.refetch} box />;
  }
  return <Board project={project.data} footer={footer} />;
}

function Board({ project, footer }: { project: ProjectDetail; footer: ShotBoardProps["footer"] }) {
  const reorder = useShotReorder(project.id, project.shots);
  const selection = useTakeSelection();
  return (
    <article aria-labelledby="board-heading" className="space-y-5">
      <div className="space-y-1">
        <Link to="/projects" className={backLinkClass}>
          ← Projects
        </Link>
        <h2 id="board-heading" className="text-lg font-semibold break-words">
          {project.name}
        </h2>
        {project.description && <p className="text-sm text-zinc-600 dark:text-zinc-400">{project.description}</p>}
      </div>
      <SelectionBar selection={selection} />
      <p role="status" aria-live="polite" aria-label="Shot order" className="sr-only">
        {reorder.announcement}
      </p>
      {project.shots.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No shots yet. Add the first one below.</p>
      ) : (
        <ol aria-label="Shots" className="space-y-4">
          {project.shots.map((shot) => (
            <ShotRow key={shot.id} shot={shot} total={project.shots.length} reorder={reorder} selection={selection} />
          ))}
        </ol>
      )}
      <section aria-labelledby="add-shot-heading" className={`${panelClass} p-4`}>
        <h3 id="add-shot-heading" className="mb-3 text-sm font-semibold">
          Add a shot
        </h3>
        <AddShotForm projectId={project.id} shotCount={project.shots.length} />
      </section>
      {footer?.(project)}
    </article>
  );
}
