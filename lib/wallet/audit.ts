import "server-only";
import { db } from "@/lib/db";

/** The ledger checked against itself; every figure is 0 when the books are right. */
export type LedgerAudit = {
  /** the sum of every entry ever written (double entry: 0) */
  entriesSum: number;
  /** transfers whose entries do not sum to zero */
  unbalancedTransfers: number;
  /** Σ |stored balance − sum of its entries| over all wallets */
  walletDrift: number;
  /** wallets whose stored balance is below zero */
  negativeWallets: number;
  wallets: number;
  entries: number;
};

export async function auditLedger(): Promise<LedgerAudit> {
  const [row] = await db.$queryRaw<Record<keyof LedgerAudit, bigint>[]>`
    SELECT
      (SELECT COALESCE(SUM(amount), 0) FROM "LedgerEntry")::int8 AS "entriesSum",
      (SELECT count(*) FROM (SELECT 1 FROM "LedgerEntry" GROUP BY "transferId" HAVING SUM(amount) <> 0) t)::int8 AS "unbalancedTransfers",
      (SELECT COALESCE(SUM(ABS(a.balance - COALESCE(e.total, 0))), 0) FROM "LedgerAccount" a
        LEFT JOIN (SELECT "accountId", SUM(amount) AS total FROM "LedgerEntry" GROUP BY "accountId") e ON e."accountId" = a.id
        WHERE a.kind = 'WALLET')::int8 AS "walletDrift",
      (SELECT count(*) FROM "LedgerAccount" WHERE balance < 0)::int8 AS "negativeWallets",
      (SELECT count(*) FROM "LedgerAccount" WHERE kind = 'WALLET')::int8 AS wallets,
      (SELECT count(*) FROM "LedgerEntry")::int8 AS entries`;
  if (!row) throw new Error("the audit query returned nothing");
  return {
    entriesSum: Number(row.entriesSum),
    unbalancedTransfers: Number(row.unbalancedTransfers),
    walletDrift: Number(row.walletDrift),
    negativeWallets: Number(row.negativeWallets),
    wallets: Number(row.wallets),
    entries: Number(row.entries),
  };
}
