type FieldMessageProps = { id: string; message?: string | undefined };

/** The error sentence under a control; the control points at it with aria-describedby. */
export function FieldMessage({ id, message }: FieldMessageProps) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1.5 text-sm text-red-700 dark:text-red-400">
      {message}
    </p>
  );
}

/** Joins the ids of whichever hint and error are on screen, for aria-describedby. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const present = ids.filter(Boolean);
  return present.length > 0 ? present.join(" ") : undefined;
}
