"use client";

import { useState } from "react";
import { useSignIn } from "@/components/auth/use-sign-in";
import { useSchemaForm } from "@/components/ui/use-schema-form";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { loginSchema } from "@/lib/auth/schema";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const signIn = useSignIn(callbackUrl);
  const { fields, formError, setFormError, check } = useSchemaForm(loginSchema);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const input = check(Object.fromEntries(new FormData(event.currentTarget)));
    if (!input) return;
    setPending(true);
    const signedIn = await signIn(input);
    setPending(false);
    if (!signedIn.ok) setFormError(signedIn.message);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <TextField label="Email" name="email" type="email" autoComplete="email" errors={fields.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" errors={fields.password} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Logging in…" : "Log in"}
      </Button>
    </form>
  );
}
