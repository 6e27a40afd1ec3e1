"use client";

import { useWalletBalance } from "@/components/wallet/wallet-store";

/** The balance as a figure on a page, moving with top-ups and gifts made in this tab. */
export function LiveBalance({ initial }: { initial: number }) {
  return <>{useWalletBalance(initial).toLocaleString("en")}</>;
}
