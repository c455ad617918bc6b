import { useState } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { ApiError } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { FieldMessage, describedBy } from "@/components/ui/field-message";
import { inputClass, labelClass } from "@/components/ui/styles";
import { signInSchema, useSignIn } from "../api/sign-in";
import type { SignInInput, SignInRequest } from "../api/sign-in";

const FIELDS = ["name", "password"] as const;

/** Name and studio password; on success the session changes and the page that asked moves on. */
export function SignInForm() {
  const form = useForm<SignInInput, unknown, SignInRequest>({
    resolver: zodResolver(signInSchema),
    defaultValues: { name: "", password: "" },
  });
  const signIn = useSignIn();
  const [formError, setFormError] = useState<string | null>(null);
  const { errors } = form.formState;

  async function send(values: SignInRequest) {
    setFormError(null);
    try {
      await signIn.mutateAsync(values);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {};
      let placed = false;
      for (const name of FIELDS) {
        const message = fields[name];
        if (!message) continue;
        form.setError(name, { type: "server", message }, { shouldFocus: !placed });
        placed = true;
      }
      // A wrong password says so at the field; a throttle (429) or an outage says so above the button.
      if (!placed) setFormError(error instanceof Error ? error.message : "Couldn't sign in. Try again.");
    }
  }

  const pending = form.formState.isSubmitting || signIn.isPending;
  return (
    <form noValidate aria-label="Sign in" className="space-y-5" onSubmit={(event) => void form.handleSubmit(send)(event)}>
      <div>
        <label htmlFor="sign-in-name" className={labelClass}>
          Your name
        </label>
        <input
          id="sign-in-name"
          type="text"
          autoComplete="username"
          // The page exists only to ask this.
          autoFocus
          className={`${inputClass} mt-1.5`}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy(errors.name && "sign-in-name-error")}
          {...form.register("name")}
        />
        <FieldMessage id="sign-in-name-error" message={errors.name?.message} />
      </div>
      <div>
        <label htmlFor="sign-in-password" className={labelClass}>
          Studio password
        </label>
        <input
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          className={`${inputClass} mt-1.5`}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy(errors.password && "sign-in-password-error")}
          {...form.register("password")}
        />
        <FieldMessage id="sign-in-password-error" message={errors.password?.message} />
      </div>
      {formError && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-800 dark:bg-red-950/50 dark:text-red-300">
          {formError}
        </p>
      )}
      <Button type="submit" variant="primary" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
