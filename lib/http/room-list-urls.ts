// The room list's public URLs and the path routes behind them. Used by the app's custom server
// (server.ts), outside Next's bundles: no `server-only` marker.

/** The room list's public URLs, the same answer for everyone: the home page and its JSON, page 1 or `?page=N`. */
export const ROOM_LIST_URL = /^\/(api\/shows)?(\?page=[0-9]{1,5})?$/;

const PAGE = /^[1-9][0-9]{0,4}$/;
const ROUTES: Record<string, string> = { "/": "/live/", "/api/shows": "/api/shows/page/" };

/**
 * Maps `/` and `/api/shows` (with any query: `?page=N`, a client navigation's `?_rsc=…`) onto
 * the path routes Next serves from its page cache (`app/(live)/live/[page]`,
 * `app/api/shows/page/[page]`), which key pages by path, not query; a `page` that is not a plain
 * page number shows page 1, as it always did. Null for every other URL.
 *
 * Here rather than as Next rewrites: Next compiles every rewrite's pattern again on every request
 * it handles (server actions included), which was ≈ 4 % of an app instance's CPU in bench:chat.
 */
export function roomListRoute(url: string): string | null {
  const queryAt = url.indexOf("?");
  const base = ROUTES[queryAt === -1 ? url : url.slice(0, queryAt)];
  if (base === undefined) return null;
  const query = queryAt === -1 ? "" : url.slice(queryAt);
  const page = new URLSearchParams(query).get("page");
  return `${base}${page !== null && PAGE.test(page) ? page : "1"}${query}`;
}
