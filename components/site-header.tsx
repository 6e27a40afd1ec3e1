import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { canOnSite } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";

const nav = [
  { href: "/", label: "Live now" },
  { href: "/studio", label: "Go live" },
];

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-zinc-800 bg-zinc-900/80">
      <nav className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 whitespace-nowrap px-4 py-3 sm:gap-x-6">
        <Link href="/" className="text-lg font-bold text-brand">
          Suixin
        </Link>
        {nav.map(({ href, label }) => (
          <Link key={href} href={href} className="text-sm text-zinc-300 hover:text-white">
            {label}
          </Link>
        ))}
        {user && canOnSite(user, "admin.view") ? (
          <Link href="/admin" className="text-sm text-amber-300 hover:text-white">
            Dashboard
          </Link>
        ) : null}
        <div className="ml-auto flex items-center gap-3 text-sm">
          {user ? (
            <>
              <span data-testid="current-user" className="text-zinc-300">
                {user.name}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/login" className="text-zinc-300 hover:text-white">
                Log in
              </Link>
              <Link href="/register" className="rounded bg-brand px-3 py-1.5 font-medium text-white hover:bg-brand-dark">
                Sign up
              </Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
