"use server";

import { revalidatePath } from "next/cache";
import { operatorAction } from "@/lib/actions/safe-action";
import { deleteRecordingAsOperator } from "@/lib/admin/recordings";
import { deleteRecordingSchema } from "@/lib/admin/schema";

export const deleteRecordingAction = operatorAction("admin.recording.delete", deleteRecordingSchema, async (input, operator) => {
  await deleteRecordingAsOperator(operator, input);
  revalidatePath("/admin/recordings");
});
