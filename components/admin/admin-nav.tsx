"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// The dashboard's sections in the order.
const sections = [
  { href: "/admin", label: "Live now" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/reports", label: "Reports" },
  { href: "/admin/outputs", label: "Outputs" },
  { href: "/admin/recordings", label: "Recordings" },
  { href: "/admin/gifts", label: "Gifts" },
  { href: "/admin/coins", label: "Coins" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/numbers", label: "Numbers" },
  { href: "/admin/audit", label: "Audit log" },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  return href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`);
}

/** Sections of the dashboard: a column on wide screens, a scrolling row on a phone. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Dashboard" className="flex gap-1 overflow-x-auto md:flex-col">
      {sections.map(({ href, label }) => {
        const current = isCurrent(pathname, href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? "page" : undefined}
            className={`whitespace-nowrap rounded px-3 py-2 text-sm ${current ? "bg-zinc-800 text-white" : "text-zinc-400 hover:bg-zinc-900 hover:text-white"}`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
