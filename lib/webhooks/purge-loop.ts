import "server-only";
import { db } from "@/lib/db";
import type { Loop } from "@/lib/leader";

// LiveKit retries a delivery for minutes at most: a day of ids is plenty to apply each once.
const KEEP_MS = 24 * 3600_000;

/** Deletes webhook delivery records older than a day (hourly, on the leading instance). */
export const purgeWebhookDeliveriesLoop: Loop = {
  name: "webhook-deliveries-purge",
  everyMs: () => 3600_000,
  async run() {
    const { count } = await db.webhookDelivery.deleteMany({ where: { receivedAt: { lt: new Date(Date.now() - KEEP_MS) } } });
    if (count > 0) console.info(`[webhooks] purged ${count} delivery records older than a day`);
  },
};
