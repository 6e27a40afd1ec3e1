"use server";

import { userAction } from "@/lib/actions/safe-action";
import { sendHeart } from "@/lib/likes/send-heart";
import { showRefSchema } from "@/lib/shows/schema";

export const sendHeartAction = userAction(showRefSchema, (input, user) => sendHeart(user, input.roomNumber));
