import { useQuery } from "@tanstack/react-query";
import { Navigate, Outlet, useLocation } from "react-router";
import { Button } from "@/components/ui/button";
import { sessionQueryOptions } from "@/features/session/api/get-session";
import { ProxySignIn } from "@/features/session/components/proxy-sign-in";
import { SignInShell } from "@/features/session/components/sign-in-shell";

/** The address to come back to after signing in: only a path of this app, never another site. */
export function returnPath(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/sign-in") ? next : "/";
}

/**
 * The studio's pages need someone signed in (unless the studio runs without sign-in). It asks
 * `/api/session` first, and sends a signed-out visit to the sign-in page, remembering the address.
 */
export function SessionGate() {
  const session = useQuery(sessionQueryOptions());
  const location = useLocation();

  if (session.data === undefined) {
    if (session.isError) {
      return (
        <main className="mx-auto max-w-md space-y-3 px-6 py-16 text-sm text-red-800 dark:text-red-300" role="alert">
          <p>Couldn't open the studio: {session.error.message}</p>
          <Button size="sm" onClick={() => void session.refetch()}>
            Try again
          </Button>
        </main>
      );
    }
    return (
      <p role="status" className="px-6 py-16 text-center text-sm text-zinc-500 dark:text-zinc-400">
        Opening the studio…
      </p>
    );
  }

  const { mode, user } = session.data;
  // Without sign-in there is always a user ("studio"); never send anyone to a page that sends them back.
  if (user || mode === "none") return <Outlet />;
  if (mode === "proxy") {
    return (
      <SignInShell>
        <ProxySignIn />
      </SignInShell>
    );
  }
  const next = `${location.pathname}${location.search}`;
  return <Navigate to={next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
}
