import type { Take } from "@/shared/take";
import { Button } from "@/components/ui/button";
import { useSetFavourite } from "../api/update-take";

/** A star toggle; it shows the requested state while the server confirms it. */
export function FavouriteButton({ take, className = "" }: { take: Take; className?: string }) {
  const favourite = useSetFavourite();
  const pressed = favourite.isPending ? favourite.variables.favourite : take.favourite;

  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        aria-pressed={pressed}
        aria-label="Favourite"
        title={pressed ? "Remove from favourites" : "Add to favourites"}
        className={`${pressed ? "text-amber-500 dark:text-amber-400" : ""} ${className}`}
        onClick={() => favourite.mutate({ id: take.id, favourite: !pressed })}
      >
        <span aria-hidden="true" className="text-base leading-none">
          {pressed ? "★" : "☆"}
        </span>
      </Button>
      {favourite.isError && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {favourite.error.message}
        </span>
      )}
    </>
  );
}
