import { useQuery } from "@tanstack/react-query";
import { LoadFailed, LoadingNote } from "@/components/ui/query-state";
import { panelClass } from "@/components/ui/styles";
import { projectListQueryOptions } from "@/lib/project-queries";
import { NewProjectForm } from "./new-project-form";
import { ProjectItem } from "./project-item";

/** Every project, newest first, and a form to start one. */
export function ProjectsPage() {
  const projects = useQuery(projectListQueryOptions());
  return (
    <div className="space-y-6">
      <section aria-labelledby="new-project-heading" className={`${panelClass} p-4`}>
        <h3 id="new-project-heading" className="mb-3 text-sm font-semibold">
          New project
        </h3>
        <NewProjectForm />
      </section>
      {projects.isPending ? (
        <LoadingNote>Loading projects…</LoadingNote>
      ) : projects.isError ? (
        <LoadFailed what="the projects" error={projects.error} onRetry={projects.refetch} box />
      ) : projects.data.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No projects yet. Name one above to start a shot board.</p>
      ) : (
        <ul aria-label="Projects" className="space-y-3">
          {projects.data.map((project) => (
            <ProjectItem key={project.id} project={project} />
          ))}
        </ul>
      )}
    </div>
  );
}
