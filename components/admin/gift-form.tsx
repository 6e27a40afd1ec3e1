"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { createGiftAction, updateGiftAction } from "@/components/admin/actions/gifts";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import type { GiftAnimation } from "@/lib/generated/prisma/enums";
import { giftAnimations } from "@/lib/gifts/animations";
import { GIFT_ICONS } from "@/lib/gifts/icons";

type GiftFields = { id: string; name: string; price: number; icon: string; animation: GiftAnimation; sortOrder: number };

const field = "w-full rounded border border-zinc-700 bg-zinc-900 px-3 py-2 text-sm text-zinc-100 outline-none focus:border-brand";

/** Adds a gift (no `gift`) or edits one; the server validates again (a price of at least 1 coin). */
export function GiftForm({ gift }: { gift?: GiftFields }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const ids = { id: useId(), name: useId(), price: useId(), icon: useId(), animation: useId(), order: useId() };

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      id: gift?.id ?? String(form.get("id") ?? ""),
      name: String(form.get("name") ?? ""),
      price: String(form.get("price") ?? ""),
      icon: String(form.get("icon") ?? ""),
      animation: String(form.get("animation") ?? ""),
      sortOrder: String(form.get("sortOrder") ?? "0"),
    };
    setPending(true);
    setError(null);
    // A request that fails outright (network, server restart) must not leave the button spinning.
    const result = await (gift ? updateGiftAction({ ...values, reason: "" }) : createGiftAction(values)).catch(() => null);
    setPending(false);
    if (!result) {
      setError("The server did not answer. Try again.");
      return;
    }
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate data-testid={gift ? `gift-form-${gift.id}` : "new-gift-form"} className="grid gap-2 sm:grid-cols-6">
      <div className="sm:col-span-6">
        <FormError message={error} />
      </div>
      {gift ? null : (
        <label htmlFor={ids.id} className="space-y-1 text-xs text-zinc-400">
          Id
          <input id={ids.id} name="id" placeholder="e.g. lollipop" className={field} />
        </label>
      )}
      <label htmlFor={ids.name} className="space-y-1 text-xs text-zinc-400">
        Name
        <input id={ids.name} name="name" defaultValue={gift?.name} className={field} />
      </label>
      <label htmlFor={ids.price} className="space-y-1 text-xs text-zinc-400">
        Price (coins)
        <input id={ids.price} name="price" type="number" min={1} step={1} defaultValue={gift?.price} className={field} />
      </label>
      <label htmlFor={ids.icon} className="space-y-1 text-xs text-zinc-400">
        Icon
        <select id={ids.icon} name="icon" defaultValue={gift?.icon ?? GIFT_ICONS[0]} className={field}>
          {GIFT_ICONS.map((icon) => (
            <option key={icon} value={icon}>
              {icon.replace("/gifts/", "").replace(".svg", "")}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={ids.animation} className="space-y-1 text-xs text-zinc-400">
        Animation
        <select id={ids.animation} name="animation" defaultValue={gift?.animation ?? "FLOAT"} className={field}>
          {Object.entries(giftAnimations).map(([name, { fullScreen }]) => (
            <option key={name} value={name}>
              {name.toLowerCase()}
              {fullScreen ? " (full screen)" : ""}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={ids.order} className="space-y-1 text-xs text-zinc-400">
        Order
        <input id={ids.order} name="sortOrder" type="number" min={0} step={1} defaultValue={gift?.sortOrder ?? 0} className={field} />
      </label>
      <div className="flex items-end">
        <Button type="submit" variant={gift ? "secondary" : "primary"} disabled={pending}>
          {pending ? "Saving…" : gift ? "Save" : "Add gift"}
        </Button>
      </div>
    </form>
  );
}
