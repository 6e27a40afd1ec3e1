import { Client } from "pg";
import { readStack } from "./stack";

/** Runs one query against the test stack's database (for checking what was stored). */
export async function query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: readStack().databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Row counts of the tables a request could change, to show it changed nothing. */
export async function tableCounts({ except = [] }: { except?: string[] } = {}): Promise<Record<string, number>> {
  const tables = [
    "User",
    "Show",
    "ParticipantSession",
    "Egress",
    "WebhookDelivery",
    "LedgerAccount",
    "LedgerTransfer",
    "LedgerEntry",
    "Payment",
    "GiftEvent",
    "ShowGifter",
    "HostGifter",
    "StageRequest",
    "StageSeat",
    "ChatMessage",
    "ChatSequence",
    "ChatMute",
    "Report",
    "AuditEntry",
    "Setting",
  ].filter((t) => !except.includes(t));
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await query<{ n: string }>(`SELECT count(*)::text AS n FROM "${t}"`);
    counts[t] = Number(row?.n);
  }
  return counts;
}
