import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useSignOutEveryone } from "../api/sign-out-everyone";

/** For admins: ends every session in the studio (a lost laptop, a colleague who left). */
export function SignOutEveryoneButton() {
  const [confirming, setConfirming] = useState(false);
  const signOutEveryone = useSignOutEveryone();

  function close() {
    setConfirming(false);
    signOutEveryone.reset();
  }

  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
        Sign everyone out
      </Button>
      {confirming && (
        <ConfirmDialog
          title="Sign everyone out?"
          confirmLabel="Sign everyone out"
          pendingLabel="Signing out…"
          pending={signOutEveryone.isPending}
          error={signOutEveryone.error?.message}
          onCancel={close}
          onConfirm={() => signOutEveryone.mutate()}
        >
          Every session ends, yours too: everyone signs in again with the studio password. Takes already running carry on.
        </ConfirmDialog>
      )}
    </>
  );
}
