import { z } from "zod";
import { roomNumberSchema } from "@/lib/shows/schema";

// Inputs of screening's actions and routes, shared by the forms and the server.

export const APPEAL_MAX = 500;

export const appealSchema = z.object({
  roomNumber: roomNumberSchema,
  note: z.string().trim().min(1, "Tell the operators why your show is fine.").max(APPEAL_MAX, `At most ${APPEAL_MAX} characters.`),
});

export const frameNameSchema = z.string().regex(/^[a-z0-9]{20,40}\.jpg$/, "No such frame");
