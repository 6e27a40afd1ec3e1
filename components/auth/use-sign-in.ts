"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { refreshAccount } from "@/components/auth/use-account";

export type SignInOutcome = { ok: true } | { ok: false; message: string };

/** Logs in with email + password, then goes to `callbackUrl`; says why when it did not. */
export function useSignIn(callbackUrl: string) {
  const router = useRouter();
  return async (credentials: { email: string; password: string }): Promise<SignInOutcome> => {
    const result = await signIn("credentials", { ...credentials, redirect: false });
    if (result?.ok && !result.error) {
      router.push(callbackUrl);
      router.refresh();
      void refreshAccount(); // the header's signed-in part is the browser's to update
      return { ok: true };
    }
    // Refused before the password was checked (too many attempts), or a banned account: the
    // server's own words. Auth.js says "CredentialsSignin" for a wrong email or password.
    if (result?.error && result.error !== "CredentialsSignin") return { ok: false, message: result.error };
    return { ok: false, message: "Wrong email or password." };
  };
}
