import { useEffect, useState } from "react";
import { Link } from "react-router";
import type { Toast } from "../hooks/use-toasts";

export const TOAST_MS = 8000;

type ToasterProps = { toasts: readonly Toast[]; onDismiss: (id: string) => void };

/** A polite live region that is always in the page, so screen readers hear what lands in it. */
export function Toaster({ toasts, onDismiss }: ToasterProps) {
  return (
    <div
      role="status"
      aria-label="Notifications"
      className="pointer-events-none fixed inset-x-4 bottom-4 z-40 flex flex-col items-end gap-2 sm:left-auto sm:w-96"
    >
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} onDismiss={onDismiss} />
      ))}
    </div>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: string) => void }) {
  const [held, setHeld] = useState(false);
  // Dismissal, not polling: the toast goes after a while unless the pointer or focus holds it.
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => onDismiss(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [held, onDismiss, toast.id]);

  const tone =
    toast.tone === "error"
      ? "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
      : "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-100";

  return (
    <div
      className={`pointer-events-auto flex w-full items-start gap-3 rounded-xl border p-3 text-sm shadow-lg ${tone}`}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <p className="flex-1 break-words">
        {toast.message}
        {toast.link && (
          <>
            {" "}
            <Link to={toast.link.to} className="font-medium underline underline-offset-2" onClick={() => onDismiss(toast.id)}>
              {toast.link.label}
            </Link>
          </>
        )}
      </p>
      <button
        type="button"
        aria-label="Dismiss notification"
        className="rounded-md px-1 leading-none opacity-70 hover:opacity-100"
        onClick={() => onDismiss(toast.id)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
