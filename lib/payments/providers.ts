import "server-only";
import type { ProviderId } from "@/lib/payments/packages";
import type { PaymentProvider } from "@/lib/payments/provider";
import { testProvider } from "@/lib/payments/test-provider";

// Every payment provider of the app. A real one (card checkout + signed webhook) is added here.
const providers: Record<ProviderId, PaymentProvider> = { test: testProvider };

export function paymentProvider(id: ProviderId): PaymentProvider {
  return providers[id];
}

export type PaymentMethod = { id: ProviderId; label: string; isTest: boolean };

/** The providers buyers may use right now (none: the top-up button says top-ups are off). */
export async function enabledPaymentMethods(): Promise<PaymentMethod[]> {
  const all = Object.values(providers);
  const enabled = await Promise.all(all.map((p) => p.isEnabled()));
  return all.filter((_, i) => enabled[i]).map(({ id, label, isTest }) => ({ id, label, isTest }));
}
