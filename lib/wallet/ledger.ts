import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LedgerTransferKind } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AccountRef } from "@/lib/wallet/accounts";

export type Entry = { account: AccountRef; amount: number; memo: string };

export type Transfer = {
  kind: LedgerTransferKind;
  /** who caused it (buyer, operator, sender) */
  actorId: string | null;
  entries: Entry[];
};

export type Posted = {
  transferId: string;
  /** the stored balance of each wallet the transfer touched, right after it */
  walletBalances: Map<string, number>;
};

/** Thrown when a wallet would go below zero; nothing of the transfer is written. */
export class InsufficientFunds extends AppError {
  constructor(readonly accountId: string) {
    super("INSUFFICIENT_FUNDS", "Not enough coins.");
  }
}

/**
 * Writes one transfer of the double-entry ledger inside the caller's transaction: its entries
 * (which must sum to zero; the database checks again at commit) and, for every wallet among
 * them, the stored balance. A debit is one conditional UPDATE (never read-then-write): a wallet
 * without enough coins throws InsufficientFunds and the caller's transaction rolls back.
 * Wallets are debited first, in the order given: the caller's later statements run with the
 * wallet row locked, so one person's transfers are serialized.
 */
export async function postTransfer(tx: Tx, transfer: Transfer): Promise<Posted> {
  const { entries } = transfer;
  if (entries.length < 2) throw new Error("a transfer has at least two entries");
  if (entries.some((e) => !Number.isSafeInteger(e.amount) || e.amount === 0)) throw new Error("entry amounts are non-zero whole coins");
  if (entries.reduce((sum, e) => sum + e.amount, 0) !== 0) throw new Error("a transfer's entries must sum to zero");

  const walletBalances = new Map<string, number>();
  for (const entry of entries) {
    if (entry.account.kind !== "WALLET") continue;
    const { id, userId } = entry.account;
    const rows =
      entry.amount < 0
        ? await tx.$queryRaw<{ balance: number }[]>`
            UPDATE "LedgerAccount" SET balance = balance + ${entry.amount}::int
            WHERE id = ${id} AND balance >= ${-entry.amount}::int RETURNING balance`
        : // A wallet comes into being with its first credit.
          await tx.$queryRaw<{ balance: number }[]>`
            INSERT INTO "LedgerAccount" (id, kind, "userId", balance) VALUES (${id}, 'WALLET', ${userId ?? null}, ${entry.amount}::int)
            ON CONFLICT (id) DO UPDATE SET balance = "LedgerAccount".balance + EXCLUDED.balance RETURNING balance`;
    const row = rows[0];
    if (!row) throw new InsufficientFunds(id);
    walletBalances.set(id, row.balance);
  }

  const transferId = randomUUID();
  // Accounts other than wallets (a host's earnings…) are created on first use, in this statement.
  const others = entries.filter((e) => e.account.kind !== "WALLET").map((e) => e.account);
  const accounts = others.length
    ? Prisma.sql`, accounts AS (
        INSERT INTO "LedgerAccount" (id, kind, "userId")
        VALUES ${Prisma.join(others.map((a) => Prisma.sql`(${a.id}, ${a.kind}::"LedgerAccountKind", ${a.userId ?? null})`))}
        ON CONFLICT (id) DO NOTHING)`
    : Prisma.empty;
  await tx.$executeRaw`
    WITH transfer AS (
      INSERT INTO "LedgerTransfer" (id, kind, "actorId") VALUES (${transferId}, ${transfer.kind}::"LedgerTransferKind", ${transfer.actorId})
    )${accounts}
    INSERT INTO "LedgerEntry" ("transferId", "accountId", amount, memo)
    VALUES ${Prisma.join(entries.map((e) => Prisma.sql`(${transferId}, ${e.account.id}, ${e.amount}::int, ${e.memo})`))}`;
  return { transferId, walletBalances };
}
