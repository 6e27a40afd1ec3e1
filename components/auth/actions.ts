"use server";

import { action } from "@/lib/actions/safe-action";
import { registerUser } from "@/lib/auth/register-user";
import { registerSchema } from "@/lib/auth/schema";
import { consume } from "@/lib/rate-limit";
import { clientIp } from "@/lib/rate-limit/client-ip";

export const registerAction = action(registerSchema, async (input) => {
  await consume("register.ip", await clientIp());
  const user = await registerUser(input);
  return { id: user.id };
});
