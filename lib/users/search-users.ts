import "server-only";
import type { UserSearch } from "@/lib/admin/schema";
import { preparedQuery } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { type Paged, paged } from "@/lib/paging";
import { isBanned, isMutedSiteWide } from "@/lib/users/standing";

export const USERS_PER_PAGE = 50;

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  createdAt: string;
  banned: boolean;
  muted: boolean;
  shows: number;
};

type Found = {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  createdAt: Date;
  bannedAt: Date | null;
  bannedUntil: Date | null;
  mutedAt: Date | null;
  mutedUntil: Date | null;
  shows: number;
};

// Timestamps are stored as UTC without a zone (Prisma's convention): compared with the UTC now,
// and read back as instants.
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;
const current = (at: Prisma.Sql, until: Prisma.Sql) => Prisma.sql`(${at} IS NOT NULL AND (${until} IS NULL OR ${until} > ${NOW}))`;

/** The filter as SQL: the same standing rules as lib/users/standing.ts, for the whole table. */
function standingFilter(filter: UserSearch["filter"]): Prisma.Sql {
  switch (filter) {
    case "operators":
      return Prisma.sql`u.role = 'OPERATOR'`;
    case "banned":
      return current(Prisma.sql`u."bannedAt"`, Prisma.sql`u."bannedUntil"`);
    case "muted":
      return current(Prisma.sql`u."mutedAt"`, Prisma.sql`u."mutedUntil"`);
    case "all":
      return Prisma.sql`TRUE`;
  }
}

/** `q` anywhere in the name or email (its own `%`, `_` and `\` taken literally), or the exact id. */
function textFilter(q: string): Prisma.Sql {
  if (!q) return Prisma.sql`TRUE`;
  const pattern = `%${q.replace(/[\\%_]/g, "\\$&")}%`;
  return Prisma.sql`(u.email ILIKE ${pattern} OR u.name ILIKE ${pattern} OR u.id = ${q})`;
}

/**
 * Accounts, newest first, 50 a page. `q` matches any part of the name or email (trigram
 * indexes: ILIKE stays fast on a large table) or the exact id. Two prepared statements, run
 * together: the page with each user's show count, and the total (measured in bench:admin: the
 * same as two ORM queries with a relation count cost 24 ms a request, most of it outside Postgres).
 */
export async function searchUsers(search: UserSearch): Promise<Paged<UserRow>> {
  const where = Prisma.sql`${textFilter(search.q)} AND ${standingFilter(search.filter)}`;
  const [found, [count]] = await Promise.all([
    preparedQuery<Found>(Prisma.sql`
      SELECT u.id, u.name, u.email, u.role::text AS role,
             u."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
             u."bannedAt" AT TIME ZONE 'UTC' AS "bannedAt", u."bannedUntil" AT TIME ZONE 'UTC' AS "bannedUntil",
             u."mutedAt" AT TIME ZONE 'UTC' AS "mutedAt", u."mutedUntil" AT TIME ZONE 'UTC' AS "mutedUntil",
             (SELECT count(*) FROM "Show" s WHERE s."hostId" = u.id)::int AS shows
      FROM "User" u
      WHERE ${where}
      ORDER BY u."createdAt" DESC, u.id DESC
      LIMIT ${USERS_PER_PAGE} OFFSET ${(search.page - 1) * USERS_PER_PAGE}`),
    preparedQuery<{ total: number }>(Prisma.sql`SELECT count(*)::int AS total FROM "User" u WHERE ${where}`),
  ]);
  const now = new Date();
  const users = found.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    createdAt: u.createdAt.toISOString(),
    banned: isBanned(u, now),
    muted: isMutedSiteWide(u, now),
    shows: u.shows,
  }));
  return paged(users, count?.total ?? 0, search.page, USERS_PER_PAGE);
}
