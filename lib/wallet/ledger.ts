import "server-only";
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LedgerTransferKind } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { AccountRef } from "@/lib/wallet/accounts";

export type Entry = { account: AccountRef; amount: number; memo: string };

export type Transfer = {
  kind: LedgerTransferKind;
  /** who caused it (buyer, operator, sender) */
  actorId: string | null;
  entries: Entry[];
};

/** Thrown when a wallet would go below zero; nothing of the transfer is written. */
export class InsufficientFunds extends AppError {
  constructor() {
    super("INSUFFICIENT_FUNDS", "Not enough coins.");
  }
}

/** The name of the CTE that has one row when the transfer is written, none when it is not. */
export const LEDGER = Prisma.raw("ledger");

export type LedgerWrites = {
  transferId: string;
  /** the CTEs that write the transfer (to follow `WITH`, before the caller's own CTEs) */
  ctes: Prisma.Sql;
  /** a column of LEDGER: the debited wallet's balance right after (null when nothing is debited) */
  debitedBalance: Prisma.Sql;
  /** a subquery of the wallets written, (id, balance) right after */
  walletBalances: Prisma.Sql;
};

function check({ entries }: Transfer): void {
  if (entries.length < 2) throw new Error("a transfer has at least two entries");
  if (entries.some((e) => !Number.isSafeInteger(e.amount) || e.amount === 0)) throw new Error("entry amounts are non-zero whole coins");
  if (entries.reduce((sum, e) => sum + e.amount, 0) !== 0) throw new Error("a transfer's entries must sum to zero");
  // One statement cannot undo a first debit when a second one fails; no transfer needs two.
  if (entries.filter((e) => e.account.kind === "WALLET" && e.amount < 0).length > 1) throw new Error("a transfer debits at most one wallet");
}

/**
 * The SQL that writes one transfer of the double-entry ledger, as CTEs of a single statement (so
 * a gift is written in one round trip, and a statement is one transaction). When `when` holds (a
 * condition on the caller's CTEs, e.g. "the show is live"): the debited wallet loses its coins in
 * one conditional UPDATE (never read-then-write; it locks the wallet row, so one person's
 * transfers queue), credited wallets gain theirs (created on first credit), other accounts are
 * created on first use, and the transfer and its entries are inserted. Stored balances change in
 * the statement that writes their entries; the entries sum to zero (checked here and by the
 * database at commit). LEDGER has one row if all of it happened and none if nothing did (not
 * enough coins, or `when` false); the caller's CTEs that must happen with it select FROM LEDGER.
 */
export function ledgerWrites(transfer: Transfer, when: Prisma.Sql = Prisma.sql`TRUE`): LedgerWrites {
  check(transfer);
  const transferId = randomUUID();
  const debit = transfer.entries.find((e) => e.account.kind === "WALLET" && e.amount < 0);
  const credits = transfer.entries.filter((e) => e.account.kind === "WALLET" && e.amount > 0);
  const others = transfer.entries.filter((e) => e.account.kind !== "WALLET");

  const parts: Prisma.Sql[] = [];
  if (debit) {
    parts.push(Prisma.sql`ledger_debit AS (
      UPDATE "LedgerAccount" SET balance = balance + ${debit.amount}::int
      WHERE id = ${debit.account.id} AND balance >= ${-debit.amount}::int AND (${when})
      RETURNING id, balance)`);
    parts.push(Prisma.sql`ledger AS (SELECT balance AS "debitedBalance" FROM ledger_debit)`);
  } else {
    parts.push(Prisma.sql`ledger AS (SELECT NULL::int AS "debitedBalance" WHERE (${when}))`);
  }
  credits.forEach((e, i) => {
    parts.push(Prisma.sql`${Prisma.raw(`ledger_credit_${i}`)} AS (
      INSERT INTO "LedgerAccount" (id, kind, "userId", balance)
      SELECT ${e.account.id}, 'WALLET', ${e.account.userId ?? null}, ${e.amount}::int FROM ledger
      ON CONFLICT (id) DO UPDATE SET balance = "LedgerAccount".balance + EXCLUDED.balance
      RETURNING id, balance)`);
  });
  // Lists travel as one JSON parameter each: every bound parameter costs the client time.
  if (others.length) {
    const accounts = JSON.stringify(others.map((e) => ({ id: e.account.id, kind: e.account.kind, userId: e.account.userId ?? null })));
    parts.push(Prisma.sql`ledger_accounts AS (
      INSERT INTO "LedgerAccount" (id, kind, "userId")
      SELECT a.id, a.kind::"LedgerAccountKind", a."userId"
      FROM ledger CROSS JOIN jsonb_to_recordset(${accounts}::jsonb) AS a(id text, kind text, "userId" text)
      ON CONFLICT (id) DO NOTHING)`);
  }
  parts.push(Prisma.sql`ledger_transfer AS (
    INSERT INTO "LedgerTransfer" (id, kind, "actorId")
    SELECT ${transferId}, ${transfer.kind}::"LedgerTransferKind", ${transfer.actorId} FROM ledger
    RETURNING id)`);
  const entries = JSON.stringify(transfer.entries.map((e) => ({ account: e.account.id, amount: e.amount, memo: e.memo })));
  parts.push(Prisma.sql`ledger_entries AS (
    INSERT INTO "LedgerEntry" ("transferId", "accountId", amount, memo)
    SELECT t.id, e.account, e.amount, e.memo
    FROM ledger_transfer t CROSS JOIN jsonb_to_recordset(${entries}::jsonb) AS e(account text, amount int, memo text))`);
  // (A statement's CTEs cannot read each other's writes back from the table, only what they return.)
  const written = [...(debit ? ["ledger_debit"] : []), ...credits.map((_, i) => `ledger_credit_${i}`)];
  const walletBalances = written.length
    ? Prisma.raw(`(${written.map((cte) => `SELECT id, balance FROM ${cte}`).join(" UNION ALL ")})`)
    : Prisma.raw(`(SELECT NULL::text AS id, NULL::int AS balance WHERE FALSE)`);
  return { transferId, ctes: Prisma.join(parts, ",\n"), debitedBalance: Prisma.sql`ledger."debitedBalance"`, walletBalances };
}

export type Posted = {
  transferId: string;
  /** the stored balance of every wallet the transfer touched, right after it */
  walletBalances: Map<string, number>;
};

/**
 * Writes one transfer on its own (one statement: one transaction), or inside the caller's
 * transaction. A wallet without enough coins throws InsufficientFunds; nothing is written then.
 */
export async function postTransfer(client: Db | Tx, transfer: Transfer): Promise<Posted> {
  const writes = ledgerWrites(transfer);
  const rows = await client.$queryRaw<{ id: string | null; balance: number | null }[]>`
    WITH ${writes.ctes}
    SELECT w.id, w.balance FROM ledger LEFT JOIN ${writes.walletBalances} AS w ON TRUE`;
  if (rows.length === 0) throw new InsufficientFunds();
  const walletBalances = new Map<string, number>();
  for (const r of rows) if (r.id !== null && r.balance !== null) walletBalances.set(r.id, r.balance);
  return { transferId: writes.transferId, walletBalances };
}
