import type { Metadata } from "next";
import { GiftForm } from "@/components/admin/gift-form";
import { RetireGiftButton } from "@/components/admin/retire-gift-button";
import { GiftIcon } from "@/components/gifts/gift-icon";
import { Pager } from "@/components/ui/pager";
import { listCatalog } from "@/lib/admin/gifts";
import { requireOperatorPage } from "@/lib/admin/require-operator";
import { pageParamSchema } from "@/lib/admin/schema";

export const metadata: Metadata = { title: "Gift catalog" };
export const dynamic = "force-dynamic";

export default async function GiftsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  await requireOperatorPage("/admin/gifts");
  const raw = (await searchParams).page;
  const catalog = await listCatalog(pageParamSchema.parse(Array.isArray(raw) ? raw[0] : raw));
  return (
    <section className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">Gift catalog</h1>
        <p className="text-sm text-zinc-400">What viewers can send. Retired gifts leave the shelf; their sends stay in history. Every change is audited.</p>
      </header>
      <div className="space-y-2 rounded-lg border border-zinc-800 bg-zinc-900 p-4">
        <h2 className="font-semibold">Add a gift</h2>
        <GiftForm />
      </div>
      <ul className="space-y-3">
        {catalog.rows.map((gift) => (
          <li key={gift.id} data-testid="catalog-gift" data-gift-id={gift.id} className="space-y-2 rounded-lg border border-zinc-800 bg-zinc-900 p-4">
            <div className="flex flex-wrap items-center gap-3">
              <GiftIcon icon={gift.icon} name={gift.name} className="h-8 w-8" />
              <span className="font-medium">{gift.name}</span>
              <span data-testid="gift-price" className="text-sm text-zinc-300">
                {gift.price} coins
              </span>
              <span className="text-xs text-zinc-500">
                {gift.id} · sent {gift._count.events} times
              </span>
              {gift.retiredAt ? <span className="rounded bg-zinc-700 px-2 py-0.5 text-xs">retired</span> : null}
              <div className="ml-auto">
                <RetireGiftButton id={gift.id} retired={gift.retiredAt !== null} />
              </div>
            </div>
            <GiftForm gift={gift} />
          </li>
        ))}
      </ul>
      <Pager page={catalog.page} pages={catalog.pages} total={catalog.total} noun="gifts" hrefFor={(p) => `/admin/gifts?page=${p}`} />
    </section>
  );
}
