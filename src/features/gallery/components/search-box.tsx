import { useState } from "react";
import { inputClass, labelClass } from "@/components/ui/styles";
import { useDebouncedCallback } from "@/hooks/use-debounced-callback";

export const SEARCH_DEBOUNCE_MS = 300;

type SearchBoxProps = { value: string; onSearch: (text: string) => void };

/** Types freely; the URL (and so the request) follows 300 ms after the last key. */
export function SearchBox({ value, onSearch }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // The address changed under us (Clear filters, Back): show what it says now.
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  const search = useDebouncedCallback(onSearch, SEARCH_DEBOUNCE_MS);

  return (
    <div className="min-w-48 flex-1">
      <label htmlFor="gallery-search" className={labelClass}>
        Search prompts
      </label>
      <input
        id="gallery-search"
        type="search"
        autoComplete="off"
        placeholder="lighthouse, dolly-in…"
        className={`${inputClass} mt-1`}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          search(event.target.value.trim());
        }}
      />
    </div>
  );
}
