import { describeTake } from "@/features/gallery/utils/describe-take";
import type { Toast } from "@/features/notifications/hooks/use-toasts";
import type { Take } from "@/shared/take";

export type Announcement = { toast: Toast; title: string; body: string; href: string };

const takeHref = (take: Take) => `/g/${encodeURIComponent(take.id)}`;

/** One take's finish, or a whole batch's in one line ("3 finished, 1 failed"): never one toast per take. */
export function announceBatch(takes: readonly [Take, ...Take[]]): Announcement {
  const [first] = takes;
  const label = describeTake(first);
  const finished = takes.filter((take) => take.status === "completed");
  const failed = takes.length - finished.length;
  const reason = takes.find((take) => take.error)?.error?.message ?? "";
  const tone = failed > 0 ? "error" : "success";
  const id = `settled-${first.batchId}`;

  if (takes.length === 1) {
    const done = failed === 0;
    const href = takeHref(first);
    return {
      toast: { id, tone, message: done ? `Take finished: “${label}”.` : `Take failed: “${label}”. ${reason}`.trim(), link: { to: href, label: "Open take" } },
      title: done ? "Take finished" : "Take failed",
      body: label,
      href,
    };
  }
  const count =
    failed === 0 ? `${takes.length} variations finished` : finished.length === 0 ? `${takes.length} variations failed` : `${finished.length} finished, ${failed} failed`;
  const href = takeHref(finished[0] ?? first);
  return {
    toast: { id, tone, message: `${count}: “${label}”.${failed > 0 && reason ? ` ${reason}` : ""}`, link: { to: href, label: finished.length > 0 ? "Open the first" : "Open take" } },
    title: count.charAt(0).toUpperCase() + count.slice(1),
    body: label,
    href,
  };
}
