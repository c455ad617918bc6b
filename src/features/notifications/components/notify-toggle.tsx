import { useState } from "react";
import { Button } from "@/components/ui/button";
import { notificationsSupported, optIn, useNotifyOptIn } from "./browser-notifications";

/** Opt-in system notifications for takes that finish while the tab is in the background. */
export function NotifyToggle() {
  const { enabled, permission, setOptIn } = useNotifyOptIn();
  const [asking, setAsking] = useState(false);
  const [, rerender] = useState(0);

  if (!notificationsSupported()) return null;
  const blocked = permission === "denied";

  async function toggle() {
    if (enabled) {
      setOptIn(false);
      return;
    }
    setAsking(true);
    await optIn();
    setAsking(false);
    rerender((n) => n + 1); // Notification.permission is not observable; read it again.
  }

  return (
    <div className="flex items-center gap-2">
      <Button
        size="sm"
        variant="ghost"
        aria-pressed={enabled}
        aria-describedby={blocked ? "notify-blocked" : undefined}
        disabled={asking}
        onClick={() => void toggle()}
      >
        <span aria-hidden="true">{enabled ? "🔔" : "🔕"}</span>
        Notify me
      </Button>
      {blocked && (
        <span id="notify-blocked" className="text-xs text-zinc-500 dark:text-zinc-400">
          Blocked in this browser's site settings
        </span>
      )}
    </div>
  );
}
