import { useState } from "react";
import { Link } from "react-router";
import type { Project } from "@/shared/project";
import { createProjectSchema } from "@/shared/project";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDeleteProject } from "../api/delete-project";
import { useUpdateProject } from "../api/update-project";
import { FieldsForm } from "./fields-form";
import { PROJECT_FIELDS } from "./new-project-form";

const linkClass =
  "text-base font-semibold text-accent-700 underline-offset-4 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-accent-300";

/** One project: a link to its board, rename in place, delete after asking (refused while takes belong to it). */
export function ProjectItem({ project }: { project: Project }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const update = useUpdateProject({ onUpdated: () => setEditing(false) });
  const remove = useDeleteProject({ onDeleted: () => setConfirming(false) });

  return (
    <li className="space-y-2 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      {editing ? (
        <FieldsForm
          label={`Rename ${project.name}`}
          fields={PROJECT_FIELDS}
          schema={createProjectSchema}
          defaults={{ name: project.name, description: project.description ?? "" }}
          submitLabel="Save"
          pendingLabel="Saving…"
          onSubmit={(values) => update.mutateAsync({ id: project.id, name: values.name, description: values.description ?? null })}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="flex flex-wrap items-start gap-3">
          <div className="min-w-0 flex-1 space-y-1">
            <h3>
              <Link to={`/p/${encodeURIComponent(project.id)}`} className={linkClass}>
                {project.name}
              </Link>
            </h3>
            {project.description && <p className="text-sm text-zinc-600 dark:text-zinc-400">{project.description}</p>}
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              by {project.createdBy} · <time dateTime={project.createdAt}>{new Date(project.createdAt).toLocaleDateString()}</time>
            </p>
          </div>
          <Button size="sm" aria-label={`Rename ${project.name}`} onClick={() => setEditing(true)}>
            Rename
          </Button>
          <Button size="sm" aria-label={`Delete ${project.name}`} onClick={() => setConfirming(true)}>
            Delete
          </Button>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Delete the project “${project.name}”?`}
          confirmLabel="Delete project"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          error={remove.error?.message}
          onConfirm={() => remove.mutate(project.id)}
          onCancel={() => {
            setConfirming(false);
            remove.reset();
          }}
        >
          Its shots go with it. A project that still holds takes is not deleted.
        </ConfirmDialog>
      )}
    </li>
  );
}
