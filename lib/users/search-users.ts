import "server-only";
import type { UserSearch } from "@/lib/admin/schema";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
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

function standingFilter(filter: UserSearch["filter"], now: Date): Prisma.UserWhereInput {
  const current = (at: "bannedAt" | "mutedAt", until: "bannedUntil" | "mutedUntil"): Prisma.UserWhereInput => ({
    [at]: { not: null },
    OR: [{ [until]: null }, { [until]: { gt: now } }],
  });
  switch (filter) {
    case "operators":
      return { role: "OPERATOR" };
    case "banned":
      return current("bannedAt", "bannedUntil");
    case "muted":
      return current("mutedAt", "mutedUntil");
    case "all":
      return {};
  }
}

/**
 * Accounts, newest first, 50 a page. `q` matches any part of the name or email (trigram
 * indexes: ILIKE stays fast on a large table) or the exact id.
 */
export async function searchUsers(search: UserSearch): Promise<Paged<UserRow>> {
  const now = new Date();
  const q = search.q;
  const where: Prisma.UserWhereInput = {
    AND: [
      q ? { OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }, { id: q }] } : {},
      standingFilter(search.filter, now),
    ],
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (search.page - 1) * USERS_PER_PAGE,
      take: USERS_PER_PAGE,
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        createdAt: true,
        bannedAt: true,
        bannedUntil: true,
        mutedAt: true,
        mutedUntil: true,
        _count: { select: { shows: true } },
      },
    }),
    db.user.count({ where }),
  ]);
  const users = rows.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    createdAt: u.createdAt.toISOString(),
    banned: isBanned(u, now),
    muted: isMutedSiteWide(u, now),
    shows: u._count.shows,
  }));
  return paged(users, total, search.page, USERS_PER_PAGE);
}
