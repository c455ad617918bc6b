import { createProjectSchema } from "@/shared/project";
import { useCreateProject } from "../api/create-project";
import { FieldsForm } from "./fields-form";
import type { FormField } from "./fields-form";

export const PROJECT_FIELDS: readonly FormField<"name" | "description">[] = [
  { name: "name", label: "Name", placeholder: "Lighthouse spot" },
  { name: "description", label: "Description (optional)" },
];

/** Name and an optional description; the new project joins the list. */
export function NewProjectForm() {
  const create = useCreateProject();
  return (
    <FieldsForm
      label="New project"
      fields={PROJECT_FIELDS}
      schema={createProjectSchema}
      defaults={{ name: "", description: "" }}
      submitLabel="Create project"
      pendingLabel="Creating…"
      onSubmit={create.mutateAsync}
      clearOnSuccess
    />
  );
}
