import type { ReactNode } from "react";
import { panelClass } from "@/components/ui/styles";

/** The page around the way in: the studio's name, what is asked, and nothing of the studio yet. */
export function SignInShell({ children }: { children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-6 px-6 py-12">
      <div className="space-y-1 text-center">
        <p className="text-lg font-semibold tracking-tight">Dailies</p>
        <h1 className="text-xl font-semibold">Sign in to the studio</h1>
      </div>
      <div className={`${panelClass} p-6`}>{children}</div>
    </main>
  );
}
