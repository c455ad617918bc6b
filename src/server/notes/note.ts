/** A note pinned to a time in a take, optionally to a point of its picture. Times are epoch milliseconds. */
export type NoteRecord = {
  id: string;
  takeId: string;
  atSeconds: number;
  /** Fractions of the picture, both or neither. */
  x: number | null;
  y: number | null;
  text: string;
  author: string;
  createdAt: number;
  updatedAt: number;
};
