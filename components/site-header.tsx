import Link from "next/link";
import { AccountMenu } from "@/components/auth/account-menu";

const nav = [
  { href: "/", label: "Live now" },
  { href: "/studio", label: "Go live" },
];

// The same for every visitor (no session read here): pages under it can be cached and shared.
// The signed-in part is AccountMenu, filled in by the browser.
export function SiteHeader() {
  return (
    <header className="border-b border-zinc-800 bg-zinc-900/80">
      <nav className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-3 sm:gap-6">
        <Link href="/" className="text-lg font-bold text-brand">
          Suixin
        </Link>
        {nav.map(({ href, label }) => (
          <Link key={href} href={href} className="text-sm text-zinc-300 hover:text-white">
            {label}
          </Link>
        ))}
        <AccountMenu />
      </nav>
    </header>
  );
}
