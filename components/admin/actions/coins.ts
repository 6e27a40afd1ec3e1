"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/safe-action";
import { grantCoins } from "@/lib/wallet/grant-coins";
import { grantSchema } from "@/lib/wallet/schema";

export const grantCoinsAction = userAction(grantSchema, async (input, user) => {
  const granted = await grantCoins(user, input);
  revalidatePath("/admin/coins");
  return granted;
});
