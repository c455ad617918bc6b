import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useNotifyOptIn } from "../hooks/use-notify-opt-in";
import { notificationsSupported, optIn } from "../utils/browser-notifications";

// Drawn, not an emoji: emoji fonts are missing on many studio machines.
function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.6">
      <path d="M5 8a5 5 0 0 1 10 0v3.5l1.5 2.5h-13L5 11.5z" strokeLinejoin="round" />
      <path d="M8.5 16.5a1.6 1.6 0 0 0 3 0" strokeLinecap="round" />
      {muted && <path d="M3 3l14 14" strokeLinecap="round" />}
    </svg>
  );
}

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
      {/* A switch named "Notifications" whose state is also written out, not left to the icon. */}
      <Button
        size="sm"
        variant="ghost"
        role="switch"
        aria-checked={enabled}
        aria-label="Notifications"
        title={enabled ? "A system notification when a take finishes in a background tab" : "Turn on system notifications for takes that finish in a background tab"}
        aria-describedby={blocked ? "notify-blocked" : undefined}
        disabled={asking}
        onClick={() => void toggle()}
      >
        <BellIcon muted={!enabled} />
        Notifications {enabled ? "on" : "off"}
      </Button>
      {blocked && (
        <span id="notify-blocked" className="text-xs text-zinc-500 dark:text-zinc-400">
          Blocked in this browser's site settings
        </span>
      )}
    </div>
  );
}
