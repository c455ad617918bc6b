import { createShotSchema } from "@/shared/project";
import { useCreateShot } from "../api/create-shot";
import { FieldsForm } from "./fields-form";
import { SHOT_FIELDS, nextShotCode } from "./shot-fields";

/** A new shot goes last on the board. */
export function AddShotForm({ projectId, shotCount }: { projectId: string; shotCount: number }) {
  const create = useCreateShot();
  const fields = SHOT_FIELDS.map((field) => (field.name === "code" ? { ...field, placeholder: nextShotCode(shotCount) } : field));
  return (
    <FieldsForm
      label="Add a shot"
      fields={fields}
      schema={createShotSchema}
      defaults={{ code: "", description: "" }}
      submitLabel="Add shot"
      pendingLabel="Adding…"
      onSubmit={(values) => create.mutateAsync({ projectId, code: values.code, description: values.description ?? null })}
      clearOnSuccess
    />
  );
}
