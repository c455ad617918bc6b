import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "@/lib/api-client";
import { replaceSession } from "./get-session";
import type { Session } from "./get-session";
import { sessionKeys } from "./keys";

export function signOut() {
  // 204: no body to parse.
  return apiFetch("/api/session", { schema: z.unknown(), method: "DELETE" });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: sessionKeys.signOut(),
    mutationFn: signOut,
    onSuccess: () => {
      const before = queryClient.getQueryData<Session>(sessionKeys.current());
      replaceSession(queryClient, { mode: before?.mode ?? "password", user: null });
    },
  });
}
