import "server-only";
import type { PaymentProvider } from "@/lib/payments/provider";
import { getSetting } from "@/lib/settings";

/**
 * Coins for free, for development and tests: the checkout is paid at once. Off unless the
 * operator setting `testTopUpEnabled` is on (the dev and test profiles turn it on).
 */
export const testProvider: PaymentProvider = {
  id: "test",
  label: "Test payment (no real money)",
  isTest: true,
  isEnabled: () => getSetting("testTopUpEnabled"),
  async checkout({ paymentId }) {
    return { kind: "paid", providerRef: `test_${paymentId}` };
  },
};
