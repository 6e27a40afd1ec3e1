"use server";

import { revalidatePath } from "next/cache";
import { operatorAction } from "@/lib/actions/safe-action";
import { banSchema, liftSchema, muteSchema, roleSchema } from "@/lib/admin/schema";
import { banAsOperator, muteAsOperator, setRoleAsOperator, unbanAsOperator, unmuteAsOperator } from "@/lib/admin/users";
import type { SessionUser } from "@/lib/auth/session";

/** An operator's change to one user, then that user's dashboard pages drawn again. */
function changeUser<I extends { userId: string }>(change: (operator: SessionUser, input: I) => Promise<void>) {
  return async (input: I, operator: SessionUser): Promise<void> => {
    await change(operator, input);
    revalidatePath(`/admin/users/${input.userId}`);
    revalidatePath("/admin/users");
  };
}

export const banUserAction = operatorAction("admin.user.ban", banSchema, changeUser(banAsOperator));

export const unbanUserAction = operatorAction("admin.user.ban", liftSchema, changeUser(unbanAsOperator));

export const muteUserAction = operatorAction("admin.user.mute", muteSchema, changeUser(muteAsOperator));

export const unmuteUserAction = operatorAction("admin.user.mute", liftSchema, changeUser(unmuteAsOperator));

export const setUserRoleAction = operatorAction("admin.user.role", roleSchema, changeUser(setRoleAsOperator));
