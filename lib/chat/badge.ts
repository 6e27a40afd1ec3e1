import type { ShowRole } from "@/lib/auth/permissions";
import type { ChatBadge } from "@/lib/generated/prisma/enums";

// Who gets a badge beside their name in chat, decided when the message is sent. The stage
// (joint broadcast) adds its guests here: `guest: "GUEST"`.
const badges: Partial<Record<ShowRole, ChatBadge>> = { host: "HOST" };

export function badgeFor(role: ShowRole): ChatBadge | null {
  return badges[role] ?? null;
}
