"use server";

import { action } from "@/lib/actions/safe-action";
import { registerUser } from "@/lib/auth/register-user";
import { registerSchema } from "@/lib/auth/schema";

export const registerAction = action(registerSchema, async (input) => {
  const user = await registerUser(input);
  return { id: user.id };
});
