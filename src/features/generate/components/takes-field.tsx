import { useWatch } from "react-hook-form";
import { MAX_VARIATIONS } from "@/shared/take";
import { SEED_MAX } from "@/shared/limits";
import { hintClass } from "@/components/ui/styles";
import { ChoiceGroup } from "./choice-group";
import type { FormValues } from "../utils/form-values";
import { parseSeed } from "../utils/form-values";

const CHOICES = Array.from({ length: MAX_VARIATIONS }, (_, i) => ({ value: i + 1, label: String(i + 1) }));

function listSeeds(seed: number, count: number): string {
  const seeds = Array.from({ length: count }, (_, i) => String((seed + i) % (SEED_MAX + 1)));
  return seeds.length > 1 ? `${seeds.slice(0, -1).join(", ")} and ${seeds.at(-1)}` : (seeds[0] ?? "");
}

type TakesFieldProps = { value: number; onChange: (value: number) => void };

/** How many takes one submit makes, and which seeds they will use. */
export function TakesField({ value, onChange }: TakesFieldProps) {
  const seed = parseSeed(useWatch<FormValues, "seed">({ name: "seed" }));
  const locked = seed !== undefined && Number.isInteger(seed);

  return (
    <div>
      <ChoiceGroup legend="Takes" name="variations" choices={CHOICES} value={value} onChange={onChange} />
      {value > 1 && (
        <p id="takes-hint" className={hintClass}>
          {locked
            ? `With the locked seed, the ${value} takes use seeds ${listSeeds(seed, value)}.`
            : `Each of the ${value} takes gets its own random seed.`}
        </p>
      )}
    </div>
  );
}
