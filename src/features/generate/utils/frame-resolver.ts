import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, Resolver } from "react-hook-form";
import { createTakeSchema } from "@/shared/take";
import type { CreateTakeRequest } from "@/shared/take";
import { MODELS, isModelId } from "@/shared/models";
import type { FormValues, FrameName } from "./form-values";
import type { UrlChecks } from "./url-checks";

const schemaResolver = zodResolver(createTakeSchema);

/**
 * Checks what will be sent. A last frame kept for a model without one is marked "not sent"
 * and left out of the request, so it is no error; an address whose image the browser refused
 * (the form's `urlChecks`) is one.
 */
export function createTakeResolver(urlChecks: Pick<UrlChecks, "problemOf">): Resolver<FormValues, unknown, CreateTakeRequest> {
  return async (values, context, options) => {
    const sendsLastImage = isModelId(values.model) && MODELS[values.model].acceptsLastImage;
    const sent = sendsLastImage ? values : { ...values, lastImage: null };
    const result = await schemaResolver(sent, context, options);
    const refused: FieldErrors<FormValues> = {};
    for (const name of ["image", "lastImage"] as const satisfies readonly FrameName[]) {
      const frame = sent[name];
      const problem = frame && "url" in frame ? urlChecks.problemOf(frame.url.trim()) : undefined;
      if (problem) refused[name] = { type: "image", message: problem };
    }
    return Object.keys(refused).length === 0 ? result : { values: {}, errors: { ...result.errors, ...refused } };
  };
}
