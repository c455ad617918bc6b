import { useFormContext, useWatch } from "react-hook-form";
import { SEED_MAX } from "@/shared/limits";
import { Button } from "@/components/ui/button";
import { FieldMessage, describedBy } from "@/components/ui/field-message";
import { hintClass, inputClass, labelClass } from "@/components/ui/styles";
import { parseSeed } from "../utils/form-values";
import type { FormValues } from "../utils/form-values";

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}

/**
 * Random (empty) or locked (a number), and always saying which. A take loaded into the form
 * comes with its seed only as an offer: locking it is a visible choice.
 */
export function SeedField({ offeredSeed = null }: { offeredSeed?: number | null }) {
  const { register, setValue, formState } = useFormContext<FormValues>();
  const seed = parseSeed(useWatch<FormValues, "seed">({ name: "seed" }));
  const error = formState.errors.seed?.message;
  const locked = seed !== undefined;

  function fill(value: number | undefined) {
    setValue("seed", value, { shouldDirty: true, shouldValidate: formState.isSubmitted });
  }

  return (
    <div>
      <label htmlFor="seed" className={labelClass}>
        Seed
      </label>
      <div className="mt-1.5 flex gap-2">
        <input
          id="seed"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="Random"
          className={`${inputClass} tabular-nums`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy("seed-state", error && "seed-error")}
          {...register("seed", { setValueAs: parseSeed })}
        />
        <Button onClick={() => fill(randomSeed())}>Randomize</Button>
        {locked && (
          <Button variant="ghost" onClick={() => fill(undefined)}>
            Clear
          </Button>
        )}
      </div>
      <p id="seed-state" className={hintClass}>
        {locked ? (
          <>
            <span className="font-medium text-zinc-700 dark:text-zinc-200">Locked seed</span> — the same inputs repeat the same take.
          </>
        ) : (
          <>
            <span className="font-medium text-zinc-700 dark:text-zinc-200">Random seed</span> — leave empty for a new take each time
            (0 to {SEED_MAX.toLocaleString("en-US")}).
          </>
        )}
      </p>
      {offeredSeed !== null && seed !== offeredSeed && (
        <Button size="sm" className="mt-2" onClick={() => fill(offeredSeed)}>
          Use this take's seed {offeredSeed}
        </Button>
      )}
      <FieldMessage id="seed-error" message={error} />
    </div>
  );
}
