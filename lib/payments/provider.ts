import type { ProviderId } from "@/lib/payments/packages";

/** What a provider is asked to charge: one Payment row, already stored as PENDING. */
export type Checkout = {
  paymentId: string;
  userId: string;
  email: string;
  coins: number;
  priceCents: number;
  currency: string;
  description: string;
};

/**
 * How a checkout went: paid at once (the test provider), or the buyer must finish it on the
 * provider's page; the provider then tells the app through its signed webhook (see README,
 * "Payments"), which completes the payment by `providerRef`.
 */
export type CheckoutOutcome = { kind: "paid"; providerRef: string } | { kind: "redirect"; providerRef: string; url: string };

/** A way to buy coins. Providers are listed in lib/payments/providers.ts. */
export interface PaymentProvider {
  id: ProviderId;
  /** shown to the buyer on the top-up button */
  label: string;
  /** a provider that moves no real money, labelled as such wherever it is offered */
  isTest: boolean;
  /** whether buyers may use it right now (operator settings) */
  isEnabled(): Promise<boolean>;
  checkout(checkout: Checkout): Promise<CheckoutOutcome>;
}
