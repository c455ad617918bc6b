import { useFormContext } from "react-hook-form";
import type { ModelCapability } from "@/shared/models";
import { FieldMessage, describedBy } from "@/components/ui/field-message";
import { hintClass, inputClass, labelClass } from "@/components/ui/styles";
import type { FormValues } from "../utils/form-values";

type ModelFieldProps = { models: readonly ModelCapability[]; current: ModelCapability };

export function ModelField({ models, current }: ModelFieldProps) {
  const { register, getValues, setValue, trigger, formState } = useFormContext<FormValues>();
  const error = formState.errors.model?.message;

  // Keep the other choices valid for the new model in the same event, not in an effect.
  function adaptToModel(id: string) {
    const next = models.find((m) => m.id === id);
    if (!next) return;
    if (!next.ratios.includes(getValues("ratio"))) setValue("ratio", next.defaultRatio);
    if (!next.durations.includes(getValues("duration"))) setValue("duration", next.durations[0] ?? 5);
    if (formState.isSubmitted) void trigger();
  }

  return (
    <div>
      <label htmlFor="model" className={labelClass}>
        Model
      </label>
      <select
        id="model"
        className={`${inputClass} mt-1.5`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy("model-hint", error && "model-error")}
        {...register("model", { onChange: (event: { target: { value: string } }) => adaptToModel(event.target.value) })}
      >
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.label}
          </option>
        ))}
      </select>
      <p id="model-hint" className={hintClass}>
        {current.description} Usually ready in about {current.typicalSeconds} s.
      </p>
      <FieldMessage id="model-error" message={error} />
    </div>
  );
}
