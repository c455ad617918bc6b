import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { replaceSession, sessionSchema } from "./get-session";
import { sessionKeys } from "./keys";

import type { SignInRequest } from "@/shared/session";

export { signInSchema, type SignInInput, type SignInRequest } from "@/shared/session";

export function signIn(body: SignInRequest) {
  return apiFetch("/api/session", { schema: sessionSchema, method: "POST", body });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: sessionKeys.signIn(),
    mutationFn: signIn,
    onSuccess: (session) => replaceSession(queryClient, session),
  });
}
