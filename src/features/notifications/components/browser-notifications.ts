import { useSyncExternalStore } from "react";

const STORAGE_KEY = "dailies.notify";
const listeners = new Set<() => void>();

export function notificationsSupported(): boolean {
  return typeof window !== "undefined" && "Notification" in window;
}

function readOptIn(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === "on";
  } catch {
    return false;
  }
}

function writeOptIn(on: boolean): void {
  try {
    if (on) localStorage.setItem(STORAGE_KEY, "on");
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The person's opt-in, which only counts while the browser still grants permission. */
export function useNotifyOptIn() {
  const optedIn = useSyncExternalStore(subscribe, readOptIn, () => false);
  const permission = notificationsSupported() ? Notification.permission : "denied";
  return { enabled: optedIn && permission === "granted", permission, setOptIn: writeOptIn };
}

/** Asks the browser only now, on the person's click. */
export async function optIn(): Promise<NotificationPermission> {
  const permission = Notification.permission === "granted" ? "granted" : await Notification.requestPermission();
  writeOptIn(permission === "granted");
  return permission;
}

/** A system notification, only when opted in and the tab is out of sight (otherwise the toast says it). */
export function notifyInBackground({ title, body, tag, onClick }: { title: string; body: string; tag: string; onClick: () => void }) {
  if (!notificationsSupported() || Notification.permission !== "granted" || !readOptIn()) return;
  if (document.visibilityState !== "hidden") return;
  const notification = new Notification(title, { body, tag });
  notification.onclick = () => {
    window.focus();
    onClick();
    notification.close();
  };
}
