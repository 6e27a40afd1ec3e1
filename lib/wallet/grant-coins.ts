import "server-only";
import { accountRoleOf, can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { consume } from "@/lib/rate-limit";
import { grantsAccount, walletAccount } from "@/lib/wallet/accounts";
import { postTransfer } from "@/lib/wallet/ledger";
import type { GrantInput } from "@/lib/wallet/schema";

/** An operator gives a user coins, with a reason the user reads on their statement. */
export async function grantCoins(operator: SessionUser, input: GrantInput): Promise<{ name: string; email: string; balance: number }> {
  if (!can(accountRoleOf(operator), "wallet.grant")) throw new AppError("FORBIDDEN", "Only operators can grant coins.");
  await consume("wallet.grant", operator.id);
  const recipient = await db.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, email: true } });
  if (!recipient) throw new AppError("NOT_FOUND", `There is no account with the email ${input.email}.`, { email: ["No such account"] });
  const wallet = walletAccount(recipient.id);
  const posted = await postTransfer(db, {
    kind: "GRANT",
    actorId: operator.id,
    entries: [
      { account: grantsAccount, amount: -input.amount, memo: `Granted to ${recipient.email} by ${operator.email}: ${input.reason}` },
      { account: wallet, amount: input.amount, memo: `Granted by an operator: ${input.reason}` },
    ],
  });
  return { name: recipient.name, email: recipient.email, balance: posted.walletBalances.get(wallet.id) ?? 0 };
}
