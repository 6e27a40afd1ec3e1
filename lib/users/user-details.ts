import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Paged, paged } from "@/lib/paging";
import { isBanned, isMutedSiteWide } from "@/lib/users/standing";
import { walletBalance } from "@/lib/wallet/balance";

export const USER_SHOWS_PER_PAGE = 20;

/** One account as the dashboard shows it; null when there is no such user. */
export async function userDetails(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      createdAt: true,
      bannedAt: true,
      bannedUntil: true,
      banReason: true,
      mutedAt: true,
      mutedUntil: true,
    },
  });
  if (!user) return null;
  const [balance, reportsAgainst] = await Promise.all([
    walletBalance(user.id),
    // Reports of their messages or of their shows.
    db.report.count({ where: { OR: [{ message: { is: { userId: user.id } } }, { messageId: null, show: { is: { hostId: user.id } } }] } }),
  ]);
  return { ...user, banned: isBanned(user), muted: isMutedSiteWide(user), balance, reportsAgainst };
}

export type UserDetails = NonNullable<Awaited<ReturnType<typeof userDetails>>>;

const showRowSelect = {
  roomNumber: true,
  title: true,
  status: true,
  startedAt: true,
  endedAt: true,
  endReason: true,
  peakViewers: true,
  uniqueViewers: true,
  likes: true,
} as const;

export type UserShowRow = Prisma.ShowGetPayload<{ select: typeof showRowSelect }>;

/** Their shows, newest first, 20 a page. */
export async function showsOfUser(userId: string, page: number): Promise<Paged<UserShowRow>> {
  const where = { hostId: userId };
  const [rows, total] = await Promise.all([
    db.show.findMany({
      where,
      orderBy: [{ startedAt: "desc" }, { roomNumber: "desc" }],
      skip: (page - 1) * USER_SHOWS_PER_PAGE,
      take: USER_SHOWS_PER_PAGE,
      select: showRowSelect,
    }),
    db.show.count({ where }),
  ]);
  return paged(rows, total, page, USER_SHOWS_PER_PAGE);
}

