import { z } from "zod";
import { stageSourceSchema } from "@/lib/stage/schema";

// The stage's room events (one part of the room event schema in lib/events/schema.ts).

const member = { identity: z.string(), name: z.string() };

/** Why a guest left the stage. */
export const stageExitSchema = z.enum(["left", "removed", "no-publish", "disconnected"]);
export type StageExitReason = z.infer<typeof stageExitSchema>;

export const stageEvents = [
  // To the invited connection only.
  z.object({ type: z.literal("stage-invite"), inviteId: z.string(), hostName: z.string(), expiresInMs: z.number().int().positive() }),
  // To the invited connection: the invite is over before they answered.
  z.object({ type: z.literal("stage-invite-closed"), inviteId: z.string() }),
  // To the viewer whose raised hand the host dismissed.
  z.object({ type: z.literal("stage-hand-dismissed") }),
  // To the host: invites, hands or seats changed; the studio fetches the stage again.
  z.object({ type: z.literal("stage-changed") }),
  // To everyone.
  z.object({ type: z.literal("stage-joined"), ...member }),
  z.object({ type: z.literal("stage-left"), ...member, reason: stageExitSchema, publishSeconds: z.number().int().optional() }),
  z.object({ type: z.literal("stage-muted"), ...member, source: stageSourceSchema, muted: z.boolean() }),
] as const;
