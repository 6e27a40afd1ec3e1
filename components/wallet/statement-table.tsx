import Link from "next/link";
import type { Statement } from "@/lib/wallet/statement";

function Amount({ value }: { value: number }) {
  return <span className={value > 0 ? "text-emerald-400" : "text-zinc-200"}>{value > 0 ? `+${value.toLocaleString("en")}` : value.toLocaleString("en")}</span>;
}

function EntryTime({ at }: { at: string }) {
  return <time dateTime={at}>{new Date(at).toISOString().slice(0, 19).replace("T", " ")} UTC</time>;
}

/**
 * An account's entries, newest first: time, what it was, amount, balance right after; paged.
 * On a phone the time goes under the memo, so amount and balance stay on screen.
 */
export function StatementTable({ statement, pageHref }: { statement: Statement; pageHref: (page: number) => string }) {
  const { entries, page, pages } = statement;
  if (entries.length === 0) return <p className="text-sm text-zinc-400">Nothing here yet.</p>;
  return (
    <div className="space-y-3">
      <table data-testid="statement" className="w-full text-left text-sm">
        <thead className="text-zinc-400">
          <tr>
            <th className="hidden py-2 pr-3 font-normal sm:table-cell">Time</th>
            <th className="py-2 pr-3 font-normal">What</th>
            <th className="py-2 pr-3 text-right font-normal">Coins</th>
            <th className="py-2 text-right font-normal">Balance</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-testid="statement-entry" className="border-t border-zinc-800">
              <td className="hidden py-2 pr-3 whitespace-nowrap text-zinc-400 sm:table-cell">
                <EntryTime at={e.at} />
              </td>
              <td className="py-2 pr-3 break-words">
                <span data-testid="entry-memo">{e.memo}</span>
                <span className="block text-xs text-zinc-500 sm:hidden">
                  <EntryTime at={e.at} />
                </span>
              </td>
              <td data-testid="entry-amount" className="py-2 pr-3 text-right tabular-nums">
                <Amount value={e.amount} />
              </td>
              <td data-testid="entry-balance" className="py-2 text-right tabular-nums">
                {e.balanceAfter.toLocaleString("en")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav className="flex items-center gap-4 text-sm" aria-label="Pages">
          {page > 1 ? <Link href={pageHref(page - 1)}>← Newer</Link> : null}
          <span className="text-zinc-400">
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={pageHref(page + 1)}>Older →</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
