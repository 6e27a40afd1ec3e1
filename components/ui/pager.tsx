import Link from "next/link";

/** "← Previous · Page 2 of 9 · Next →" for a paged list; `hrefFor` builds a page's link (its filters kept). */
export function Pager({ page, pages, total, noun, hrefFor }: {
  page: number;
  pages: number;
  total: number;
  noun: string;
  hrefFor: (page: number) => string;
}) {
  return (
    <nav aria-label="Pages" data-testid="pager" className="mt-4 flex flex-wrap items-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className="text-brand hover:underline">
          ← Previous
        </Link>
      ) : null}
      <span className="text-zinc-400">
        Page {page} of {pages} · {total.toLocaleString("en")} {noun}
      </span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} className="text-brand hover:underline">
          Next →
        </Link>
      ) : null}
    </nav>
  );
}

/** A query string of the non-empty values, e.g. `?q=ann&page=2`. */
export function queryString(values: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== null && value !== undefined && value !== "") params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}
