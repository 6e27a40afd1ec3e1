import "server-only";
import { db } from "@/lib/db";
import type { AccountRef } from "@/lib/wallet/accounts";

export const ENTRIES_PER_PAGE = 20;

export type StatementEntry = { id: string; at: string; memo: string; amount: number; balanceAfter: number };
export type Statement = { entries: StatementEntry[]; page: number; pages: number; total: number };

/**
 * One page of an account's entries, newest first, each with the balance right after it. The
 * running balance is the sum of the entries up to it (ids follow balance order: they are
 * assigned after the wallet row is locked), so it is right for accounts without a stored balance too.
 */
export async function accountStatement(account: AccountRef, page: number): Promise<Statement> {
  const [rows, total] = await Promise.all([
    db.$queryRaw<{ id: bigint; createdAt: Date; memo: string; amount: number; balanceAfter: bigint }[]>`
      SELECT id, "createdAt", memo, amount, "balanceAfter" FROM (
        SELECT id, "createdAt", memo, amount, SUM(amount) OVER (ORDER BY id) AS "balanceAfter"
        FROM "LedgerEntry" WHERE "accountId" = ${account.id}
      ) e ORDER BY id DESC LIMIT ${ENTRIES_PER_PAGE} OFFSET ${(page - 1) * ENTRIES_PER_PAGE}`,
    db.ledgerEntry.count({ where: { accountId: account.id } }),
  ]);
  return {
    entries: rows.map((r) => ({
      id: r.id.toString(),
      at: r.createdAt.toISOString(),
      memo: r.memo,
      amount: r.amount,
      balanceAfter: Number(r.balanceAfter),
    })),
    page,
    pages: Math.max(1, Math.ceil(total / ENTRIES_PER_PAGE)),
    total,
  };
}
