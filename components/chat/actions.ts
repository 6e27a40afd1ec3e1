"use server";

import { userAction } from "@/lib/actions/safe-action";
import { syncChatRoom } from "@/lib/chat/room-state";
import { chatSyncSchema, sendChatSchema } from "@/lib/chat/schema";
import { sendChatMessage } from "@/lib/chat/send-message";

export const sendChatAction = userAction(sendChatSchema, (input, user) => sendChatMessage(user, input));

export const syncChatAction = userAction(chatSyncSchema, (input, user) => syncChatRoom(user, input));
