"use server";

import { userAction } from "@/lib/actions/safe-action";
import { topUpSchema } from "@/lib/payments/packages";
import { topUp } from "@/lib/payments/top-up";

export const topUpAction = userAction(topUpSchema, (input, user) => topUp(user, input));
