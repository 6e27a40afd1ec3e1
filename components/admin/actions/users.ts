"use server";

import { revalidatePath } from "next/cache";
import { operatorAction } from "@/lib/actions/safe-action";
import { banSchema, liftSchema, muteSchema, roleSchema } from "@/lib/admin/schema";
import { banAsOperator, muteAsOperator, setRoleAsOperator, unbanAsOperator, unmuteAsOperator } from "@/lib/admin/users";

function refresh(userId: string) {
  revalidatePath(`/admin/users/${userId}`);
  revalidatePath("/admin/users");
}

export const banUserAction = operatorAction("admin.user.ban", banSchema, async (input, operator) => {
  await banAsOperator(operator, input);
  refresh(input.userId);
});

export const unbanUserAction = operatorAction("admin.user.ban", liftSchema, async (input, operator) => {
  await unbanAsOperator(operator, input);
  refresh(input.userId);
});

export const muteUserAction = operatorAction("admin.user.mute", muteSchema, async (input, operator) => {
  await muteAsOperator(operator, input);
  refresh(input.userId);
});

export const unmuteUserAction = operatorAction("admin.user.mute", liftSchema, async (input, operator) => {
  await unmuteAsOperator(operator, input);
  refresh(input.userId);
});

export const setUserRoleAction = operatorAction("admin.user.role", roleSchema, async (input, operator) => {
  await setRoleAsOperator(operator, input);
  refresh(input.userId);
});
