import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { signedOutSchema } from "@/shared/session";
import { replaceSession } from "./get-session";
import { sessionKeys } from "./keys";

/** `DELETE /api/session/all` (admins): ends every session, the admin's own too. */
export function signOutEveryone() {
  return apiFetch("/api/session/all", { schema: signedOutSchema, method: "DELETE" });
}

export function useSignOutEveryone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: sessionKeys.signOutEveryone(),
    mutationFn: signOutEveryone,
    onSuccess: () => replaceSession(queryClient, { mode: "password", user: null }),
  });
}
