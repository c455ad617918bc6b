import { useSyncExternalStore } from "react";
import { notificationsSupported, readOptIn, subscribeOptIn, writeOptIn } from "../utils/browser-notifications";

/** The person's opt-in, which only counts while the browser still grants permission. */
export function useNotifyOptIn() {
  const optedIn = useSyncExternalStore(subscribeOptIn, readOptIn, () => false);
  const permission = notificationsSupported() ? Notification.permission : "denied";
  return { enabled: optedIn && permission === "granted", permission, setOptIn: writeOptIn };
}
