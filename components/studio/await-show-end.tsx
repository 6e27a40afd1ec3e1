"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Shown when the host lands on the summary while the server is still closing the show
 * (e.g. LiveKit closed the room and the webhook is on its way): re-checks until it has ended.
 */
export function AwaitShowEnd() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 1_000);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <p data-testid="show-ending" className="text-zinc-400">
      Wrapping up your show… (still live? <Link href="/studio" className="text-brand hover:underline">back to the studio</Link>)
    </p>
  );
}
