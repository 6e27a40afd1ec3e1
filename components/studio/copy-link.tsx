"use client";

import { useState } from "react";

/** A shareable link with a copy button (the full URL, so it can be pasted anywhere). */
export function CopyLink({ path, label }: { path: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const url = typeof window === "undefined" ? path : new URL(path, window.location.origin).toString();
  async function copy() {
    await navigator.clipboard.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }
  return (
    <div className="flex items-center gap-2">
      <a data-testid="playback-link" href={path} target="_blank" rel="noreferrer" className="min-w-0 flex-1 truncate text-xs text-brand hover:underline">
        {url}
      </a>
      <button type="button" onClick={copy} aria-label={label} className="rounded bg-zinc-800 px-2 py-1 text-xs text-zinc-100 hover:bg-zinc-700">
        {copied ? "Copied" : "Copy"}
      </button>
    </div>
  );
}
