"use server";

import { revalidatePath } from "next/cache";
import { operatorAction } from "@/lib/actions/safe-action";
import { cleanupStuckOutputs, stopOutputAsOperator } from "@/lib/admin/outputs";
import { cleanupOutputsSchema, stopOutputSchema } from "@/lib/admin/schema";

export const stopOutputAction = operatorAction("admin.output.stop", stopOutputSchema, async (input, operator) => {
  await stopOutputAsOperator(operator, input);
  revalidatePath("/admin/outputs");
});

export const cleanupStuckOutputsAction = operatorAction("admin.output.stop", cleanupOutputsSchema, async (input, operator) => {
  const result = await cleanupStuckOutputs(operator, input);
  revalidatePath("/admin/outputs");
  return result;
});
