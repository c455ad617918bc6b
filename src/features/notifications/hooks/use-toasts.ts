import { useCallback, useState } from "react";

export type Toast = {
  id: string;
  tone: "success" | "error";
  message: string;
  link?: { to: string; label: string };
};

/** The toasts on screen; `show` is stable, so it can be handed to long-lived subscribers. */
export function useToasts() {
  const [toasts, setToasts] = useState<readonly Toast[]>([]);
  const show = useCallback((toast: Toast) => {
    setToasts((current) => [...current.filter((t) => t.id !== toast.id), toast].slice(-4));
  }, []);
  const dismiss = useCallback((id: string) => {
    setToasts((current) => current.filter((t) => t.id !== id));
  }, []);
  return { toasts, show, dismiss };
}
