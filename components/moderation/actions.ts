"use server";

import { userAction } from "@/lib/actions/safe-action";
import { deleteMessage, setMuted, setSlowMode } from "@/lib/moderation/moderate-chat";
import { fileReport } from "@/lib/moderation/report";
import { deleteMessageSchema, muteSchema, reportSchema, slowModeSchema } from "@/lib/moderation/schema";

export const deleteMessageAction = userAction(deleteMessageSchema, (input, user) => deleteMessage(user, input));

export const muteAction = userAction(muteSchema, (input, user) => setMuted(user, input));

export const slowModeAction = userAction(slowModeSchema, (input, user) => setSlowMode(user, input));

export const reportAction = userAction(reportSchema, (input, user) => fileReport(user, input));
