"use server";

import { userAction } from "@/lib/actions/safe-action";
import { giftBoard } from "@/lib/gifts/gift-board";
import { sendGiftSchema } from "@/lib/gifts/schema";
import { sendGift } from "@/lib/gifts/send-gift";
import { blurStateFor } from "@/lib/screening/blur-state";
import { clearScreening, screeningOverview } from "@/lib/screening/review";
import { showRefSchema } from "@/lib/shows/schema";

export const sendGiftAction = userAction(sendGiftSchema, (input, user) => sendGift(user, input));

export const giftBoardAction = userAction(showRefSchema, (input, user) => giftBoard(user, input.roomNumber));

/** A watching page that reconnected asks whether it missed a blur or a clear. */
export const blurStateAction = userAction(showRefSchema, (input, user) => blurStateFor(user, input.roomNumber));

/** An operator's "Looks fine" on a show that screening flagged or blurred. */
export const looksFineAction = userAction(showRefSchema, (input, user) => clearScreening(user, input.roomNumber));

/** Screening of the show, for the operator panel on the watch page (operators only). */
export const screeningOverviewAction = userAction(showRefSchema, (input, user) => screeningOverview(user, input.roomNumber));
