import { z } from "zod";

// Inputs of the stage (joint broadcast), shared by the room pages and the server.

/** At most this many guests on stage with the host: four video tiles, as in the original. */
export const MAX_GUESTS = 3;

export const stageSourceSchema = z.enum(["camera", "microphone"]);
export type StageSource = z.infer<typeof stageSourceSchema>;

// LiveKit identities the app mints: a user id, optionally "~" and a connection tag.
const identitySchema = z
  .string({ error: "Pick someone in the room" })
  .min(1, "Pick someone in the room")
  .max(100, "That is not someone in the room")
  .regex(/^[A-Za-z0-9_-]+(~[a-f0-9]+)?$/, "That is not someone in the room");

const idSchema = z.string({ error: "Missing id" }).min(1, "Missing id").max(40, "No such request").regex(/^[a-z0-9]+$/, "No such request");

/** Everything a host, a viewer or a guest can do on the stage: one command per request. */
export const stageCommandSchema = z.discriminatedUnion(
  "op",
  [
    // host
    z.object({ op: z.literal("invite"), identity: identitySchema }),
    z.object({ op: z.literal("accept-hand"), handId: idSchema }),
    z.object({ op: z.literal("dismiss-hand"), handId: idSchema }),
    z.object({ op: z.literal("mute"), identity: identitySchema, source: stageSourceSchema, muted: z.boolean() }),
    z.object({ op: z.literal("remove"), identity: identitySchema }),
    // the invited viewer
    z.object({ op: z.literal("accept-invite"), inviteId: idSchema }),
    z.object({ op: z.literal("decline-invite"), inviteId: idSchema }),
    // a viewer (identity: their own connection in the room)
    z.object({ op: z.literal("raise-hand"), identity: identitySchema }),
    z.object({ op: z.literal("lower-hand") }),
    // a guest
    z.object({ op: z.literal("leave") }),
  ],
  { error: "Unknown stage command" },
);

export type StageCommand = z.infer<typeof stageCommandSchema>;

const requestStatusSchema = z.enum(["PENDING", "ACCEPTED", "DECLINED", "EXPIRED", "CANCELLED"]);

/** The stage as the host's studio shows it (GET /api/shows/<room>/stage). */
export const hostStageSchema = z.object({
  maxGuests: z.number().int(),
  guests: z.array(
    z.object({
      identity: z.string(),
      name: z.string(),
      seat: z.number().int(),
      /** camera and microphone seen published by the server */
      onStage: z.boolean(),
      micMutedByHost: z.boolean(),
      cameraMutedByHost: z.boolean(),
    }),
  ),
  hands: z.array(z.object({ id: z.string(), identity: z.string(), name: z.string(), raisedAt: z.string() })),
  invites: z.array(
    z.object({ id: z.string(), identity: z.string(), name: z.string(), status: requestStatusSchema, expiresAt: z.string().nullable() }),
  ),
});

export type HostStage = z.infer<typeof hostStageSchema>;
