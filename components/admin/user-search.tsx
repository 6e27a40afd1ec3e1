"use client";

import { useEffect, useRef, useState } from "react";
import { UserTable } from "@/components/admin/user-table";
import { Pager, queryString } from "@/components/ui/pager";
import { USER_FILTERS, type UserFilter, type UserSearch as Search } from "@/lib/admin/schema";
import type { Paged } from "@/lib/paging";
import type { UserRow } from "@/lib/users/search-users";

const FILTER_LABELS: Record<UserFilter, string> = { all: "Everyone", operators: "Operators", banned: "Banned", muted: "Muted" };
const DEBOUNCE_MS = 250;

function isFilter(value: string): value is UserFilter {
  return (USER_FILTERS as readonly string[]).includes(value);
}

/** Search as you type (name, email or id), one filter, paged results; the URL follows along. */
export function UserSearch({ initial, search }: { initial: Paged<UserRow>; search: Search }) {
  const [q, setQ] = useState(search.q);
  const [filter, setFilter] = useState<UserFilter>(search.filter);
  const [data, setData] = useState(initial);
  const [page, setPage] = useState(search.page);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false; // the server already rendered this query
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const query = queryString({ q, filter: filter === "all" ? null : filter });
      try {
        const response = await fetch(`/api/admin/users${query}`, { signal: controller.signal, cache: "no-store" });
        if (!response.ok) return;
        setData((await response.json()) as Paged<UserRow>);
        setPage(1);
        window.history.replaceState(null, "", `/admin/users${query}`);
      } catch {
        // superseded by a newer query, or offline for a moment
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, filter]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <input
          type="search"
          aria-label="Search users"
          placeholder="Name, email or id"
          value={q}
          maxLength={100}
          onChange={(e) => setQ(e.target.value)}
          className="min-w-0 flex-1 rounded border border-zinc-700 bg-zinc-900 px-3 py-2 text-sm text-zinc-100 outline-none focus:border-brand"
        />
        <select
          aria-label="Show"
          value={filter}
          onChange={(e) => isFilter(e.target.value) && setFilter(e.target.value)}
          className="rounded border border-zinc-700 bg-zinc-900 px-3 py-2 text-sm text-zinc-100"
        >
          {USER_FILTERS.map((f) => (
            <option key={f} value={f}>
              {FILTER_LABELS[f]}
            </option>
          ))}
        </select>
      </div>
      <UserTable users={data.rows} />
      <Pager
        page={page}
        pages={data.pages}
        total={data.total}
        noun={data.total === 1 ? "user" : "users"}
        hrefFor={(p) => `/admin/users${queryString({ q, filter: filter === "all" ? null : filter, page: p })}`}
      />
    </div>
  );
}
