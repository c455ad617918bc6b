const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short" });

/** "30 Nov" */
export function dayLabel(iso: string): string {
  return dayMonth.format(new Date(iso));
}

/** "just now", "2 min ago", "3 h ago", then "on 30 Nov". */
export function agoLabel(iso: string, now: number): string {
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `on ${dayLabel(iso)}`;
}
