// Drawn, not typed: the media symbols (⏮ ⏸ ⏭) are missing from many system fonts.
const ICONS = {
  play: "M7 4.5v15l12-7.5z",
  pause: "M6 4.5h4v15H6zM14 4.5h4v15h-4z",
  back: "M5 4.5h2.5v15H5zM19 4.5v15L8.5 12z",
  forward: "M16.5 4.5H19v15h-2.5zM5 4.5v15L15.5 12z",
};

export type PlayerIconName = keyof typeof ICONS;

export function PlayerIcon({ name }: { name: PlayerIconName }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 fill-current">
      <path d={ICONS[name]} />
    </svg>
  );
}
