import { Link } from "react-router";

export function NotFoundRoute() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <p className="text-sm font-medium text-accent-600 dark:text-accent-400">404</p>
      <h1 className="text-xl font-semibold">This page isn't on the call sheet</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">The address may be mistyped, or the page moved.</p>
      <Link to="/" className="text-sm font-medium text-accent-700 underline underline-offset-4 dark:text-accent-300">
        Back to the studio
      </Link>
    </main>
  );
}
