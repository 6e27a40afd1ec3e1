"use client";

export function HeartButton({ onTap }: { onTap: () => void }) {
  return (
    <button
      type="button"
      aria-label="Send a heart"
      data-testid="heart-button"
      onClick={onTap}
      className="pointer-events-auto flex h-12 w-12 items-center justify-center rounded-full bg-black/50 text-2xl text-brand shadow-lg backdrop-blur transition-transform hover:bg-black/70 active:scale-90"
    >
      ♥
    </button>
  );
}
