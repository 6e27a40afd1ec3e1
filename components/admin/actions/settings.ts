"use server";

import { revalidatePath } from "next/cache";
import { operatorAction } from "@/lib/actions/safe-action";
import { settingChangeSchema } from "@/lib/admin/schema";
import { changeSetting } from "@/lib/admin/settings";

export const saveSettingAction = operatorAction("admin.settings.edit", settingChangeSchema, async (input, operator) => {
  const result = await changeSetting(operator, input);
  revalidatePath("/admin/settings");
  return result;
});
