const STORAGE_KEY = "dailies.notify";
const listeners = new Set<() => void>();

export function notificationsSupported(): boolean {
  return typeof window !== "undefined" && "Notification" in window;
}

/** The person's stored opt-in; the browser's permission is asked for separately. */
export function readOptIn(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === "on";
  } catch {
    return false;
  }
}

export function writeOptIn(on: boolean): void {
  try {
    if (on) localStorage.setItem(STORAGE_KEY, "on");
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  for (const listener of listeners) listener();
}

/** Tells `listener` when the opt-in changes in this page (for useSyncExternalStore). */
export function subscribeOptIn(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
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
