"use client";

import { useState } from "react";
import { sendGiftAction } from "@/components/gifts/actions";
import { GiftIcon } from "@/components/gifts/gift-icon";
import { newIdempotencyKey } from "@/components/gifts/idempotency-key";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { CoinIcon } from "@/components/wallet/coin-icon";
import { TopUpPanel } from "@/components/wallet/top-up-panel";
import { setWalletBalance } from "@/components/wallet/wallet-store";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { ShelfGift } from "@/lib/gifts/catalog";
import type { GiftReceipt } from "@/lib/gifts/place-gift";
import { GIFT_COUNTS } from "@/lib/gifts/schema";
import type { PaymentMethod } from "@/lib/payments/providers";

type Count = (typeof GIFT_COUNTS)[number];

/** The key travels with every attempt of one click: a retry after a dropped answer pays once. */
async function sendOnce(input: Parameters<typeof sendGiftAction>[0]): Promise<ActionResult<GiftReceipt>> {
  try {
    return await sendGiftAction(input);
  } catch {
    return sendGiftAction(input);
  }
}

/** The gift shelf under the video: pick a gift and how many, send; short of coins, top up here. */
export function GiftShelf({ roomNumber, gifts, methods }: { roomNumber: number; gifts: ShelfGift[]; methods: PaymentMethod[] }) {
  const [selected, setSelected] = useState(gifts[0]?.id ?? "");
  const [count, setCount] = useState<Count>(1);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<{ message: string; topUp: boolean } | null>(null);
  const [topUpOpen, setTopUpOpen] = useState(false);
  const gift = gifts.find((g) => g.id === selected);

  async function send() {
    if (!gift) return;
    setSending(true);
    setError(null);
    const result = await sendOnce({ roomNumber, giftId: gift.id, count, idempotencyKey: newIdempotencyKey() }).catch(() => null);
    setSending(false);
    if (!result) return setError({ message: "The gift could not be sent (connection lost). Please try again.", topUp: false });
    if (!result.ok) return setError({ message: result.error.message, topUp: result.error.code === "INSUFFICIENT_FUNDS" });
    setWalletBalance(result.data.balance);
  }

  return (
    // Size-contained: the row of gifts scrolls inside the shelf instead of widening the page.
    <section data-testid="gift-shelf" aria-label="Gifts" className="space-y-2 rounded-lg border border-zinc-800 bg-zinc-900 p-3 [contain:inline-size]">
      <ul className="flex gap-2 overflow-x-auto pb-1">
        {gifts.map((g) => (
          <li key={g.id} className="shrink-0">
            <button
              type="button"
              aria-pressed={g.id === selected}
              data-testid={`gift-${g.id}`}
              onClick={() => setSelected(g.id)}
              className={`flex w-20 flex-col items-center rounded-lg border p-2 text-xs ${g.id === selected ? "border-brand bg-zinc-800" : "border-transparent hover:bg-zinc-800"}`}
            >
              <GiftIcon icon={g.icon} name="" />
              <span className="mt-1 truncate text-zinc-100">{g.name}</span>
              <span className="flex items-center gap-0.5 text-zinc-400">
                <CoinIcon className="h-3 w-3" />
                {g.price.toLocaleString("en")}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label="How many" className="flex overflow-hidden rounded border border-zinc-700">
          {GIFT_COUNTS.map((n) => (
            <button
              key={n}
              type="button"
              aria-pressed={n === count}
              onClick={() => setCount(n)}
              className={`px-3 py-1.5 text-sm ${n === count ? "bg-zinc-700 text-white" : "text-zinc-300 hover:bg-zinc-800"}`}
            >
              ×{n}
            </button>
          ))}
        </div>
        <Button onClick={send} disabled={!gift || sending} className="ml-auto">
          {gift ? `Send ${gift.name} ×${count} · ${(gift.price * count).toLocaleString("en")} coins` : "Send"}
        </Button>
      </div>
      {error ? (
        <div className="space-y-2">
          <FormError message={error.message} />
          {error.topUp ? (
            <Button variant="secondary" onClick={() => setTopUpOpen(true)}>
              Top up
            </Button>
          ) : null}
        </div>
      ) : null}
      {topUpOpen ? (
        <div className="rounded border border-zinc-700 p-3">
          <TopUpPanel methods={methods} onTopUp={() => setError(null)} />
        </div>
      ) : null}
    </section>
  );
}
