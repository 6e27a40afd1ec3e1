import type { GiftAnimation } from "@/lib/generated/prisma/enums";

// How each catalog animation plays: beside the video (small gifts), or over the whole screen for a
// few seconds (big ones). Shared by the server (event schema) and the browser (the overlay).
export const giftAnimations = {
  FLOAT: { fullScreen: false },
  SWAY: { fullScreen: false },
  SPIN: { fullScreen: false },
  BOUNCE: { fullScreen: false },
  FIREWORKS: { fullScreen: true },
  ROCKET: { fullScreen: true },
  CROWN: { fullScreen: true },
} as const satisfies Record<GiftAnimation, { fullScreen: boolean }>;
