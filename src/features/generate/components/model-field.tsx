import { useFormContext } from "react-hook-form";
import type { ModelCapability } from "@/shared/models";
import { useCompletionTimes } from "@/hooks/use-completion-times";
import { FieldMessage, describedBy } from "@/components/ui/field-message";
import { hintClass, inputClass, labelClass } from "@/components/ui/styles";
import type { FormValues } from "../utils/form-values";

type ModelFieldProps = { models: readonly ModelCapability[]; current: ModelCapability };

export function ModelField({ models, current }: ModelFieldProps) {
  const { register, getValues, setValue, trigger, formState, watch } = useFormContext<FormValues>();
  const error = formState.errors.model?.message;
  const duration = watch("duration");
  const times = useCompletionTimes()({ model: current.id, duration });
  const readyIn = times
    ? `Here, a ${duration} s take has usually been ready in about ${Math.round(times.quantile(0.5) / 1000)} s (${times.samples} takes timed).`
    : "No takes of this kind timed here yet.";

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
        {current.description} {readyIn}
      </p>
      <FieldMessage id="model-error" message={error} />
    </div>
  );
}
