"use client";

import { useState } from "react";
import { grantCoinsAction } from "@/components/admin/actions/coins";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { useSchemaForm } from "@/components/ui/use-schema-form";
import { grantSchema } from "@/lib/wallet/schema";

/** An operator grants coins to an account, with a reason the recipient reads on their statement. */
export function GrantForm() {
  const { fields, setFields, formError, setFormError, check } = useSchemaForm(grantSchema);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setFormError(null);
    setDone(null);
    const input = check(Object.fromEntries(new FormData(form)));
    if (!input) return;
    setPending(true);
    const result = await grantCoinsAction(input);
    setPending(false);
    if (!result.ok) {
      setFormError(result.error.message);
      setFields(result.error.fields ?? {});
      return;
    }
    form.reset();
    setDone(`Granted ${input.amount.toLocaleString("en")} coins to ${result.data.name} (${result.data.email}); their balance is now ${result.data.balance.toLocaleString("en")}.`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      <FormError message={formError} />
      <TextField label="Recipient's email" name="email" type="email" errors={fields.email} />
      <TextField label="Number of coins" name="amount" inputMode="numeric" errors={fields.amount} />
      <TextField label="Reason" name="reason" errors={fields.reason} />
      <Button type="submit" disabled={pending}>
        {pending ? "Granting…" : "Grant coins"}
      </Button>
      {done ? (
        <p role="status" data-testid="grant-done" className="text-sm text-emerald-400">
          {done}
        </p>
      ) : null}
    </form>
  );
}
