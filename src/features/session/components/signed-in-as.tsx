import { Button } from "@/components/ui/button";
import { useSignOut } from "../api/sign-out";
import type { Session } from "../api/get-session";
import { SignOutEveryoneButton } from "./sign-out-everyone-button";

/** Who is signed in, and (where a password let them in) the way out. Nothing when nobody signs in. */
export function SignedInAs({ session }: { session: Session }) {
  const signOut = useSignOut();
  const { user, mode } = session;
  if (mode === "none" || !user) return null;

  return (
    <div className="flex items-center gap-2 text-sm">
      <p className="text-zinc-600 dark:text-zinc-400">Signed in as {user.name}</p>
      {user.isAdmin && (
        <span className="rounded-full bg-accent-100 px-2 py-0.5 text-xs font-medium text-accent-900 dark:bg-accent-900/50 dark:text-accent-100">
          admin
        </span>
      )}
      {mode === "password" && user.isAdmin && <SignOutEveryoneButton />}
      {mode === "password" && (
        <Button size="sm" variant="ghost" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
          Sign out
        </Button>
      )}
      {signOut.isError && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {signOut.error.message}
        </p>
      )}
    </div>
  );
}
