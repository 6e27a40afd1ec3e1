import type { Metadata } from "next";
import Link from "next/link";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackUrl } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Log in</h1>
      <LoginForm callbackUrl={callbackUrl} />
      <p className="mt-4 text-sm text-zinc-400">
        No account?{" "}
        <Link className="text-brand hover:underline" href={`/register?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Sign up
        </Link>
      </p>
    </>
  );
}
