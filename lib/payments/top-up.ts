import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { completePayment } from "@/lib/payments/complete-payment";
import { CURRENCY, type TopUpInput, findPackage } from "@/lib/payments/packages";
import { paymentProvider } from "@/lib/payments/providers";
import { consume } from "@/lib/rate-limit";

export type TopUpOutcome = { status: "completed"; coins: number; balance: number } | { status: "redirect"; url: string };

/**
 * Buys a coin package through a payment provider: stores the payment (PENDING), asks the provider
 * to charge it, and credits the wallet when it says paid. A provider that is turned off stores nothing.
 */
export async function topUp(user: SessionUser, input: TopUpInput): Promise<TopUpOutcome> {
  const provider = paymentProvider(input.provider);
  if (!(await provider.isEnabled())) {
    throw new AppError("FORBIDDEN", provider.isTest ? "Test top-ups are turned off on this server." : `${provider.label} is not available right now.`);
  }
  await consume("wallet.top-up", user.id);
  const pkg = findPackage(input.packageId);
  const payment = await db.payment.create({
    data: { userId: user.id, provider: provider.id, packageId: pkg.id, coins: pkg.coins, priceCents: pkg.priceCents, currency: CURRENCY },
    select: { id: true },
  });
  let outcome;
  try {
    outcome = await provider.checkout({
      paymentId: payment.id,
      userId: user.id,
      email: user.email,
      coins: pkg.coins,
      priceCents: pkg.priceCents,
      currency: CURRENCY,
      description: `${pkg.coins} Suixin coins`,
    });
  } catch (error) {
    await db.payment.update({ where: { id: payment.id }, data: { status: "FAILED" } });
    throw error;
  }
  await db.payment.update({ where: { id: payment.id }, data: { providerRef: outcome.providerRef } });
  if (outcome.kind === "redirect") return { status: "redirect", url: outcome.url };
  const completed = await completePayment(provider.id, outcome.providerRef);
  if (!completed) throw new Error(`payment ${payment.id} vanished`);
  return { status: "completed", coins: pkg.coins, balance: completed.balance };
}
