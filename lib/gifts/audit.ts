import "server-only";
import { db } from "@/lib/db";
import { type LedgerAudit, auditLedger } from "@/lib/wallet/audit";

/** Gifts checked against the ledger and the leaderboards; every figure is 0 when all agree. */
export type GiftAudit = LedgerAudit & {
  /** Σ |leaderboard totals − the gift events behind them| (coins, per show and per host) */
  tallyDrift: number;
  /** gift events whose coins differ from what their transfer took from the sender */
  giftsOffLedger: number;
  gifts: number;
};

/** The audit's figures added up: the one "drift" number (0 = the books are right). */
export function driftOf(audit: GiftAudit): number {
  return (
    Math.abs(audit.entriesSum) + audit.unbalancedTransfers + audit.walletDrift + audit.negativeWallets + audit.tallyDrift + audit.giftsOffLedger
  );
}

export async function auditGifts(): Promise<GiftAudit> {
  const [[row], ledger] = await Promise.all([
    db.$queryRaw<{ tallyDrift: bigint; giftsOffLedger: bigint; gifts: bigint }[]>`
      WITH by_show AS (SELECT "showId", "senderId", SUM(coins) AS coins FROM "GiftEvent" GROUP BY 1, 2),
           by_host AS (SELECT "hostId", "senderId", SUM(coins) AS coins FROM "GiftEvent" GROUP BY 1, 2)
      SELECT
        ((SELECT COALESCE(SUM(ABS(COALESCE(t.coins, 0) - COALESCE(g.coins, 0))), 0) FROM "ShowGifter" t
           FULL JOIN by_show g ON g."showId" = t."showId" AND g."senderId" = t."userId")
         + (SELECT COALESCE(SUM(ABS(COALESCE(t.coins, 0) - COALESCE(g.coins, 0))), 0) FROM "HostGifter" t
           FULL JOIN by_host g ON g."hostId" = t."hostId" AND g."senderId" = t."userId"))::int8 AS "tallyDrift",
        (SELECT count(*) FROM "GiftEvent" g WHERE g.coins <> -(SELECT COALESCE(SUM(e.amount), 0) FROM "LedgerEntry" e
           JOIN "LedgerAccount" a ON a.id = e."accountId" AND a.kind = 'WALLET' AND a."userId" = g."senderId"
           WHERE e."transferId" = g."transferId"))::int8 AS "giftsOffLedger",
        (SELECT count(*) FROM "GiftEvent")::int8 AS gifts`,
    auditLedger(),
  ]);
  if (!row) throw new Error("the audit query returned nothing");
  return { ...ledger, tallyDrift: Number(row.tallyDrift), giftsOffLedger: Number(row.giftsOffLedger), gifts: Number(row.gifts) };
}
