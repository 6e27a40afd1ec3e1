"use server";

import { revalidatePath } from "next/cache";
import { operatorAction } from "@/lib/actions/safe-action";
import { endShowSchema } from "@/lib/admin/schema";
import { forceEndShow } from "@/lib/admin/shows";

export const endShowAsOperatorAction = operatorAction("admin.show.end", endShowSchema, async (input, operator) => {
  const result = await forceEndShow(operator, input);
  revalidatePath("/");
  return result;
});
