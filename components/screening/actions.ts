"use server";

import { userAction } from "@/lib/actions/safe-action";
import { blurStateFor } from "@/lib/screening/blur-state";
import { appealScreening, hostScreeningNotice } from "@/lib/screening/host-notice";
import { clearScreening, screeningOverview } from "@/lib/screening/review";
import { appealSchema } from "@/lib/screening/schema";
import { showRefSchema } from "@/lib/shows/schema";

/** A watching page that reconnected asks whether it missed a blur or a clear. */
export const blurStateAction = userAction(showRefSchema, (input, user) => blurStateFor(user, input.roomNumber));

/** An operator's "Looks fine" on a show that screening flagged or blurred. */
export const looksFineAction = userAction(showRefSchema, (input, user) => clearScreening(user, input.roomNumber));

/** Screening of the show, for the operator panel on the watch page (operators only). */
export const screeningOverviewAction = userAction(showRefSchema, (input, user) => screeningOverview(user, input.roomNumber));

/** The host's notice of a blur or flag on their show. */
export const screeningNoticeAction = userAction(showRefSchema, (input, user) => hostScreeningNotice(user, input.roomNumber));

/** The host's note to the operators about a blur or flag. */
export const appealScreeningAction = userAction(appealSchema, (input, user) => appealScreening(user, input));
