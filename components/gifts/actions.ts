"use server";

import { userAction } from "@/lib/actions/safe-action";
import { giftBoard } from "@/lib/gifts/gift-board";
import { sendGiftSchema } from "@/lib/gifts/schema";
import { sendGift } from "@/lib/gifts/send-gift";
import { showRefSchema } from "@/lib/shows/schema";

export const sendGiftAction = userAction(sendGiftSchema, (input, user) => sendGift(user, input));

export const giftBoardAction = userAction(showRefSchema, (input, user) => giftBoard(user, input.roomNumber));
