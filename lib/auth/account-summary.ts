import "server-only";
import { canOnSite } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import type { AccountAnswer } from "@/lib/auth/schema";
import { walletBalance } from "@/lib/wallet/balance";

/** The header's facts about whoever sent the request (fresh from the database), or null for a visitor. */
export async function currentAccount(): Promise<AccountAnswer> {
  const user = await getCurrentUser();
  return { account: user ? { name: user.name, balance: await walletBalance(user.id), operator: canOnSite(user, "admin.view") } : null };
}
