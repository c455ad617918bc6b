import { tableHeadRowClass, tableRowClass } from "@/components/ui/styles";
import { formatCredits, useMoney } from "@/lib/money";
import { formatCount } from "../utils/format";

export type SpendRow = { key: string; label: string; takes: number; tokens: number; usd: number };

type SpendTableProps = { caption: string; firstColumn: string; rows: readonly SpendRow[] };

/** Takes and what they were charged per person or per model, credits on hover; numbers right-aligned so they compare at a glance. */
export function SpendTable({ caption, firstColumn, rows }: SpendTableProps) {
  const money = useMoney();
  return (
    <table className="w-full text-sm">
      <caption className="mb-1 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{caption}</caption>
      <thead>
        <tr className={tableHeadRowClass}>
          <th scope="col" className="py-1.5 pr-3 font-medium">
            {firstColumn}
          </th>
          <th scope="col" className="py-1.5 pr-3 text-right font-medium">
            Takes
          </th>
          <th scope="col" className="py-1.5 text-right font-medium">
            Charged
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={tableRowClass}>
            <th scope="row" className="py-1.5 pr-3 text-left font-normal break-all">
              {row.label}
            </th>
            <td className="py-1.5 pr-3 text-right tabular-nums">{formatCount(row.takes)}</td>
            <td className="py-1.5 text-right tabular-nums" title={formatCredits(row.tokens)}>
              {money(row.usd)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
