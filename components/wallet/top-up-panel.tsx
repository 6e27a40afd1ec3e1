"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { topUpAction } from "@/components/wallet/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { setWalletBalance } from "@/components/wallet/wallet-store";
import { formatPrice, topUpPackages } from "@/lib/payments/packages";
import type { PaymentMethod } from "@/lib/payments/providers";

/**
 * Buy coins: one button per package, through the payment methods the server has turned on.
 * `refresh`: re-render the page afterwards (the wallet page's statement), not on a live show's page.
 */
export function TopUpPanel({ methods, refresh = false, onTopUp }: { methods: PaymentMethod[]; refresh?: boolean; onTopUp?: () => void }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const method = methods[0];

  if (!method) {
    return (
      <p data-testid="top-up-unavailable" className="text-sm text-zinc-400">
        Top-ups are not available on this server right now.
      </p>
    );
  }

  async function buy(packageId: (typeof topUpPackages)[number]["id"]) {
    if (!method) return;
    setBusy(true);
    setError(null);
    setDone(null);
    const result = await topUpAction({ packageId, provider: method.id });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    if (result.data.status === "redirect") return window.location.assign(result.data.url);
    setWalletBalance(result.data.balance);
    setDone(`Added ${result.data.coins.toLocaleString("en")} coins.`);
    onTopUp?.();
    if (refresh) router.refresh();
  }

  return (
    <section data-testid="top-up" className="space-y-2">
      <p className="text-sm text-zinc-300">
        Top up with <span className={method.isTest ? "rounded bg-amber-900 px-1.5 py-0.5 text-amber-200" : ""}>{method.label}</span>
      </p>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {topUpPackages.map((p) => (
          <Button key={p.id} variant="secondary" disabled={busy} onClick={() => buy(p.id)} aria-label={`Buy ${p.coins} coins`}>
            <span className="block font-semibold">{p.coins.toLocaleString("en")} coins</span>
            <span className="block text-xs text-zinc-400">{method.isTest ? "free (test)" : formatPrice(p.priceCents)}</span>
          </Button>
        ))}
      </div>
      <FormError message={error} />
      {done ? (
        <p role="status" className="text-sm text-emerald-400">
          {done}
        </p>
      ) : null}
    </section>
  );
}
