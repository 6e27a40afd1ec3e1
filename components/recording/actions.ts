"use server";

import { userAction } from "@/lib/actions/safe-action";
import { deleteRecording } from "@/lib/recording/delete";
import { deleteRecordingSchema } from "@/lib/recording/schema";

export const deleteRecordingAction = userAction(deleteRecordingSchema, (input, user) => deleteRecording(user, input));
