"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";

/** Logs in with email + password, then goes to `callbackUrl`; resolves to false if login failed. */
export function useSignIn(callbackUrl: string) {
  const router = useRouter();
  return async (credentials: { email: string; password: string }): Promise<boolean> => {
    const result = await signIn("credentials", { ...credentials, redirect: false });
    if (!result || result.error) return false;
    router.push(callbackUrl);
    router.refresh();
    return true;
  };
}
