import type { Metadata } from "next";
import Link from "next/link";
import { RegisterForm } from "@/components/auth/register-form";
import { safeCallbackUrl } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Sign up" };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Create your account</h1>
      <RegisterForm callbackUrl={callbackUrl} />
      <p className="mt-4 text-sm text-zinc-400">
        Already have an account?{" "}
        <Link className="text-brand hover:underline" href={`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Log in
        </Link>
      </p>
    </>
  );
}
