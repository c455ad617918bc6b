type FavouriteToggleProps = { starred: boolean; onToggle: () => void; tone?: "page" | "dark"; className: string };

/** The viewer's bookmark as a pressed/unpressed button, in review mode (dark) and compare (page). */
export function FavouriteToggle({ starred, onToggle, tone = "page", className }: FavouriteToggleProps) {
  const star = tone === "dark" ? "text-amber-300" : "text-amber-500";
  return (
    <button type="button" aria-pressed={starred} onClick={onToggle} className={className}>
      <span aria-hidden="true" className={starred ? star : ""}>
        {starred ? "★" : "☆"}
      </span>
      Favourite
    </button>
  );
}
