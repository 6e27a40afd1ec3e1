import { z } from "zod";
import { roomNumberSchema } from "@/lib/shows/schema";

/** A host deleting one of their show's recordings (an MP4 Egress job's id). */
export const deleteRecordingSchema = z.object({
  roomNumber: roomNumberSchema,
  recordingId: z.string().regex(/^EG_[A-Za-z0-9]{1,64}$/, "No such recording"),
});
export type DeleteRecordingInput = z.output<typeof deleteRecordingSchema>;
