import { z } from "zod";
import { roomNumberSchema } from "@/lib/shows/schema";

// Shared by the studio's broadcast controls and the server actions.

export const startRecordingSchema = z.object({ roomNumber: roomNumberSchema, audioOnly: z.boolean().default(false) });

export const stopBroadcastSchema = z.object({
  roomNumber: roomNumberSchema,
  egressId: z.string().regex(/^EG_[A-Za-z0-9]{1,64}$/, "No such output"),
});

/** What the app keeps about an egress's outputs (Egress.outputs). */
export const egressOutputsSchema = z.object({
  hls: z.object({ runId: z.string(), playlist: z.string() }).optional(),
  /** push targets with the stream key hidden */
  rtmp: z.object({ urls: z.array(z.string()) }).optional(),
  /** a composite (HLS, RTMP) with the show's chat and gifts over the picture */
  overlay: z.boolean().optional(),
  /** recording parts (lib/recording), as they are finished */
  files: z
    .array(
      z.object({
        name: z.string(),
        durationSeconds: z.number(),
        sizeBytes: z.number(),
        startedAt: z.string().optional(),
        endedAt: z.string().optional(),
        audioOnly: z.boolean().optional(),
      }),
    )
    .optional(),
});
export type EgressOutputs = z.infer<typeof egressOutputsSchema>;
