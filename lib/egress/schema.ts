import { z } from "zod";
import { roomNumberSchema } from "@/lib/shows/schema";

// Shared by the studio's broadcast controls and the server actions.

/** Where a push may go: rtmp:// or rtmps:// with a host and an app/stream-key path. */
export const rtmpUrlSchema = z
  .string()
  .trim()
  .max(2048, "The push URL is too long")
  .refine((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    return (url.protocol === "rtmp:" || url.protocol === "rtmps:") && url.hostname !== "" && url.pathname.length > 1;
  }, "Enter an rtmp:// or rtmps:// URL with a stream path, e.g. rtmp://live.example.com/app/stream-key");

export const startBroadcastSchema = z.discriminatedUnion("kind", [
  z.object({ roomNumber: roomNumberSchema, kind: z.literal("HLS") }),
  z.object({ roomNumber: roomNumberSchema, kind: z.literal("MP4") }),
  z.object({ roomNumber: roomNumberSchema, kind: z.literal("RTMP"), url: rtmpUrlSchema }),
]);
export type StartBroadcastInput = z.output<typeof startBroadcastSchema>;

export const stopBroadcastSchema = z.object({
  roomNumber: roomNumberSchema,
  egressId: z.string().regex(/^EG_[A-Za-z0-9]{1,64}$/, "No such output"),
});

/** What the app keeps about an egress's outputs (Egress.outputs). */
export const egressOutputsSchema = z.object({
  hls: z.object({ runId: z.string(), playlist: z.string() }).optional(),
  /** push targets with the stream key hidden */
  rtmp: z.object({ urls: z.array(z.string()) }).optional(),
  files: z.array(z.object({ name: z.string(), durationSeconds: z.number(), sizeBytes: z.number() })).optional(),
});
export type EgressOutputs = z.infer<typeof egressOutputsSchema>;
