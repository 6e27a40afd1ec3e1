import "server-only";
import { db } from "@/lib/db";
import { earningsAccount, walletAccount } from "@/lib/wallet/accounts";

/** The coins a user can spend (0 before their first top-up or grant). */
export async function walletBalance(userId: string): Promise<number> {
  const row = await db.ledgerAccount.findUnique({ where: { id: walletAccount(userId).id }, select: { balance: true } });
  return row?.balance ?? 0;
}

/** A host's gift earnings: the sum of their earnings account's entries (no stored balance to lock). */
export async function earningsBalance(userId: string): Promise<number> {
  const { _sum } = await db.ledgerEntry.aggregate({ where: { accountId: earningsAccount(userId).id }, _sum: { amount: true } });
  return _sum.amount ?? 0;
}
