"use server";

import { revalidatePath } from "next/cache";
import { operatorAction } from "@/lib/actions/safe-action";
import { handleReport } from "@/lib/admin/reports";
import { handleReportSchema } from "@/lib/admin/schema";

export const handleReportAction = operatorAction("admin.report.handle", handleReportSchema, async (input, operator) => {
  const result = await handleReport(operator, input);
  revalidatePath("/admin/reports");
  return result;
});
