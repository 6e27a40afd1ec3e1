"use server";

import { revalidatePath } from "next/cache";
import { operatorAction } from "@/lib/actions/safe-action";
import { createGift, setGiftRetired, updateGift } from "@/lib/admin/gifts";
import { createGiftSchema, retireGiftSchema, updateGiftSchema } from "@/lib/admin/schema";

function refresh() {
  revalidatePath("/admin/gifts");
}

export const createGiftAction = operatorAction("admin.gift.edit", createGiftSchema, async (input, operator) => {
  const result = await createGift(operator, input);
  refresh();
  return result;
});

export const updateGiftAction = operatorAction("admin.gift.edit", updateGiftSchema, async (input, operator) => {
  const result = await updateGift(operator, input);
  refresh();
  return result;
});

export const retireGiftAction = operatorAction("admin.gift.edit", retireGiftSchema, async (input, operator) => {
  const result = await setGiftRetired(operator, input);
  refresh();
  return result;
});
