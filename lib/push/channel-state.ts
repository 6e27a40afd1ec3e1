import type { EgressStatus } from "@/lib/generated/prisma/enums";

// A channel's state is derived from its Egress rows (kept true by webhooks and the reconcile
// loop's listEgress pass), never stored beside them: it cannot drift from what Egress runs.

export type ChannelState = "PUSHING" | "HELD" | "CLOSED";

const RUNNING: readonly EgressStatus[] = ["STARTING", "ACTIVE", "ENDING"];

export type ChannelFacts = {
  createdAt: Date;
  closedAt: Date | null;
  egresses: { status: EgressStatus; startedAt: Date; endedAt: Date | null }[];
};

/**
 * PUSHING while one of its jobs runs; HELD for `holdSeconds` after the last one ended (or after
 * it was opened, if none ever ran), so a restart keeps the channel and its link; CLOSED after.
 */
export function channelState(channel: ChannelFacts, holdSeconds: number, now = new Date()): { state: ChannelState; heldUntil: Date | null } {
  if (channel.closedAt) return { state: "CLOSED", heldUntil: null };
  if (channel.egresses.some((e) => RUNNING.includes(e.status))) return { state: "PUSHING", heldUntil: null };
  const lastEnd = Math.max(channel.createdAt.getTime(), ...channel.egresses.map((e) => (e.endedAt ?? e.startedAt).getTime()));
  const heldUntil = new Date(lastEnd + holdSeconds * 1000);
  return heldUntil > now ? { state: "HELD", heldUntil } : { state: "CLOSED", heldUntil };
}
