import { useFormContext, useWatch } from "react-hook-form";
import type { ModelCapability } from "@/shared/models";
import { FieldMessage, describedBy } from "@/components/ui/field-message";
import { inputClass, labelClass } from "@/components/ui/styles";
import type { FormValues } from "../utils/form-values";

export function PromptField({ model }: { model: ModelCapability }) {
  const { register, formState } = useFormContext<FormValues>();
  const prompt = useWatch<FormValues, "prompt">({ name: "prompt" }) ?? "";
  const error = formState.errors.prompt?.message;
  // UTF-16 units, as the model counts them: an emoji is two.
  const count = prompt.length;
  const over = count - model.promptMaxLength;

  return (
    <div>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor="prompt" className={labelClass}>
          Prompt{" "}
          <span className="font-normal text-zinc-500 dark:text-zinc-400">{model.promptRequired ? "(required)" : "(optional)"}</span>
        </label>
        <p
          id="prompt-count"
          className={`text-xs tabular-nums ${over > 0 ? "font-semibold text-red-700 dark:text-red-400" : "text-zinc-500 dark:text-zinc-400"}`}
        >
          {count} / {model.promptMaxLength}
          {over > 0 && <span> · {over} over the limit</span>}
        </p>
      </div>
      <textarea
        id="prompt"
        rows={4}
        placeholder="Slow dolly-in on the subject, soft morning light, shallow depth of field"
        className={`${inputClass} mt-1.5 resize-y`}
        aria-invalid={error || over > 0 ? true : undefined}
        aria-describedby={describedBy("prompt-count", error && "prompt-error")}
        {...register("prompt")}
      />
      <FieldMessage id="prompt-error" message={error} />
    </div>
  );
}
