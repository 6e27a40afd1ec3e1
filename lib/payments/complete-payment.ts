import "server-only";
import { db } from "@/lib/db";
import type { ProviderId } from "@/lib/payments/packages";
import { paymentProvider } from "@/lib/payments/providers";
import { topUpAccount, walletAccount } from "@/lib/wallet/accounts";
import { postTransfer } from "@/lib/wallet/ledger";
import { walletBalance } from "@/lib/wallet/balance";

/**
 * The provider says a payment went through: credit the buyer's wallet, once. The status change
 * is conditional (PENDING → COMPLETED), so a webhook delivered twice, or racing the buyer's own
 * request, credits one time. Returns the buyer's balance afterwards.
 */
export async function completePayment(provider: ProviderId, providerRef: string): Promise<{ userId: string; balance: number } | null> {
  const label = paymentProvider(provider).label;
  return db.$transaction(async (tx) => {
    const { count } = await tx.payment.updateMany({
      where: { provider, providerRef, status: "PENDING" },
      data: { status: "COMPLETED", completedAt: new Date() },
    });
    const payment = await tx.payment.findUnique({
      where: { provider_providerRef: { provider, providerRef } },
      select: { id: true, userId: true, coins: true, user: { select: { email: true } } },
    });
    if (!payment) return null;
    if (count === 0) return { userId: payment.userId, balance: await walletBalance(payment.userId) };
    const wallet = walletAccount(payment.userId);
    const posted = await postTransfer(tx, {
      kind: "TOP_UP",
      actorId: payment.userId,
      entries: [
        { account: topUpAccount(provider), amount: -payment.coins, memo: `Payment ${payment.id}: ${payment.coins} coins for ${payment.user.email}` },
        { account: wallet, amount: payment.coins, memo: `Top-up: ${payment.coins} coins (${label})` },
      ],
    });
    await tx.payment.update({ where: { id: payment.id }, data: { transferId: posted.transferId } });
    return { userId: payment.userId, balance: posted.walletBalances.get(wallet.id) ?? 0 };
  });
}
