"use client";

import Link from "next/link";
import { CoinIcon } from "@/components/wallet/coin-icon";
import { useWalletBalance } from "@/components/wallet/wallet-store";

/** The header's coin balance; opens the wallet. */
export function BalanceBadge({ initial }: { initial: number }) {
  const balance = useWalletBalance(initial);
  return (
    <Link
      href="/wallet"
      aria-label={`Wallet: ${balance} coins`}
      className="flex items-center gap-1 rounded-full bg-zinc-800 px-2.5 py-1 text-zinc-100 hover:bg-zinc-700"
    >
      <CoinIcon />
      <span data-testid="wallet-balance">{balance.toLocaleString("en")}</span>
    </Link>
  );
}
