"use client";

import { useState } from "react";
import { registerAction } from "@/components/auth/actions";
import { useSignIn } from "@/components/auth/use-sign-in";
import { useSchemaForm } from "@/components/ui/use-schema-form";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { registerSchema } from "@/lib/auth/schema";

export function RegisterForm({ callbackUrl }: { callbackUrl: string }) {
  const signIn = useSignIn(callbackUrl);
  const { fields, setFields, formError, setFormError, check } = useSchemaForm(registerSchema);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const input = check(Object.fromEntries(new FormData(event.currentTarget)));
    if (!input) return;
    setPending(true);
    const result = await registerAction(input);
    if (!result.ok) {
      setPending(false);
      setFormError(result.error.message);
      setFields(result.error.fields ?? {});
      return;
    }
    const signedIn = await signIn(input);
    setPending(false);
    if (!signedIn.ok) setFormError("Your account was created, but logging in failed. Please log in.");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <TextField label="Email" name="email" type="email" autoComplete="email" errors={fields.email} />
      <TextField label="Display name" name="name" autoComplete="nickname" errors={fields.name} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" errors={fields.password} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating account…" : "Sign up"}
      </Button>
    </form>
  );
}
