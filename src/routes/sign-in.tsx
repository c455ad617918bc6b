import { useQuery } from "@tanstack/react-query";
import { Navigate, useSearchParams } from "react-router";
import { sessionQueryOptions } from "@/features/session/api/get-session";
import { ProxySignIn } from "@/features/session/components/proxy-sign-in";
import { SignInForm } from "@/features/session/components/sign-in-form";
import { SignInShell } from "@/features/session/components/sign-in-shell";
import { returnPath } from "./session-gate";

/** `/sign-in`: the form in password mode; once signed in, back to the page that sent the person here. */
export function SignInRoute() {
  const session = useQuery(sessionQueryOptions());
  const [params] = useSearchParams();

  if (session.data?.user || session.data?.mode === "none") return <Navigate to={returnPath(params.get("next"))} replace />;
  return (
    <SignInShell>
      {session.data?.mode === "proxy" ? (
        <ProxySignIn />
      ) : session.isError ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          Couldn't reach the studio: {session.error.message}
        </p>
      ) : session.isPending ? (
        <p role="status" className="text-sm text-zinc-500 dark:text-zinc-400">
          Opening the studio…
        </p>
      ) : (
        <SignInForm />
      )}
    </SignInShell>
  );
}
