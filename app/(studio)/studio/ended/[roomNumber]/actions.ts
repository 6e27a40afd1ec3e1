"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/safe-action";
import { deleteRecording } from "@/lib/recording/delete";
import { roomNumberSchema } from "@/lib/shows/schema";

const deleteRecordingSchema = z.object({ roomNumber: roomNumberSchema, recordingId: z.string().regex(/^EG_[A-Za-z0-9]{1,64}$/, "No such recording") });

export const deleteRecordingAction = userAction(deleteRecordingSchema, (input, user) => deleteRecording(user, input));
