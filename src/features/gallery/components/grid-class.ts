// At 1280 px the gallery column beside the form holds four cards a row (issue 13); below xl, two or three.
export const GRID =
  "grid grid-cols-[repeat(auto-fill,minmax(min(100%,16rem),1fr))] gap-4 xl:grid-cols-[repeat(auto-fill,minmax(10.5rem,1fr))] xl:gap-3";
