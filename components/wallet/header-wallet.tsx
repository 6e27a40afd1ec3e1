import { BalanceBadge } from "@/components/wallet/balance-badge";
import { walletBalance } from "@/lib/wallet/balance";

/** The signed-in user's balance in the header (a server part, so it needs no request of its own). */
export async function HeaderWallet({ userId }: { userId: string }) {
  return <BalanceBadge initial={await walletBalance(userId)} />;
}
