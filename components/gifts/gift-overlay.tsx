"use client";

import { AnimatePresence, motion } from "motion/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { GiftIcon } from "@/components/gifts/gift-icon";
import { useGiftNotices } from "@/components/gifts/use-gift-notices";
import type { GiftAnimation } from "@/lib/generated/prisma/enums";
import { giftAnimations } from "@/lib/gifts/animations";
import type { AnnouncedGift } from "@/lib/gifts/events";

// How gifts play: small ones fly up beside the video, one bubble per sender and gift, which a
// repeat (the server's combo number) keeps alive and counts up; big ones take the whole screen for
// a few seconds each, one after the other.
const FLOAT_MS = 4_000;
const FULL_SCREEN_MS = 3_500;
const MAX_FLOATING = 5;
const MAX_QUEUED = 5;

type Floating = { key: string; event: AnnouncedGift; until: number };

type Play = { initial?: Record<string, number | string>; animate: Record<string, number[] | string[]>; duration: number; repeat: boolean };

const FLOAT: Play = { animate: { y: [0, -8, 0] }, duration: 1.2, repeat: true };

// The icon's motion in a bubble (small gifts), or on the whole screen (big ones).
const plays: Partial<Record<GiftAnimation, Play>> = {
  FLOAT,
  SWAY: { animate: { rotate: [-12, 12, -12] }, duration: 1, repeat: true },
  SPIN: { animate: { rotate: [0, 360] }, duration: 1.2, repeat: true },
  BOUNCE: { animate: { scale: [1, 1.3, 1] }, duration: 0.6, repeat: true },
  FIREWORKS: { initial: { scale: 0.2, opacity: 0 }, animate: { scale: [0.2, 2.2, 1.8], opacity: [0, 1, 1], rotate: [0, 90, 180] }, duration: 2.2, repeat: false },
  ROCKET: { initial: { y: "60vh", opacity: 0 }, animate: { y: ["60vh", "0vh", "-10vh"], opacity: [0, 1, 1] }, duration: 2.2, repeat: false },
  CROWN: { initial: { y: "-50vh", scale: 1.5 }, animate: { y: ["-50vh", "0vh", "-3vh", "0vh"], scale: [1.5, 2, 2.2, 2] }, duration: 2.2, repeat: false },
};

function FloatingGift({ event }: { event: AnnouncedGift }) {
  const play = plays[event.gift.animation] ?? FLOAT;
  return (
    <motion.li
      layout
      initial={{ opacity: 0, x: 40, y: 30 }}
      animate={{ opacity: 1, x: 0, y: 0 }}
      exit={{ opacity: 0, y: -60 }}
      data-testid="gift-float"
      data-gift={event.gift.id}
      className="flex items-center gap-2 rounded-full bg-black/60 py-1 pl-1 pr-3 text-sm text-white"
    >
      <motion.span animate={play.animate} transition={{ duration: play.duration, repeat: Infinity }} className="inline-flex">
        <GiftIcon icon={event.gift.icon} name={event.gift.name} className="h-9 w-9" />
      </motion.span>
      <span className="min-w-0">
        <span className="block max-w-32 truncate font-semibold">{event.sender.name}</span>
        <span className="block text-xs text-zinc-300">
          sent {event.gift.name} ×{event.count}
        </span>
      </span>
      {event.combo > 1 ? (
        <motion.span
          key={event.combo}
          initial={{ scale: 2 }}
          animate={{ scale: 1 }}
          data-testid="gift-combo"
          className="text-lg font-black italic text-amber-300"
        >
          ×{event.combo}
        </motion.span>
      ) : null}
    </motion.li>
  );
}

function FullScreenGift({ event }: { event: AnnouncedGift }) {
  const play = plays[event.gift.animation] ?? FLOAT;
  return (
    <motion.div
      initial={{ opacity: 0 }}
      animate={{ opacity: 1 }}
      exit={{ opacity: 0 }}
      data-testid="gift-fullscreen"
      data-gift={event.gift.id}
      className="pointer-events-none fixed inset-0 z-50 flex flex-col items-center justify-center bg-black/40"
    >
      <motion.div initial={play.initial} animate={play.animate} transition={{ duration: play.duration, ease: "easeOut", repeat: play.repeat ? Infinity : 0 }}>
        <GiftIcon icon={event.gift.icon} name={event.gift.name} className="h-40 w-40 drop-shadow-[0_0_30px_rgba(251,191,36,0.8)]" />
      </motion.div>
      <p className="mt-16 rounded-full bg-black/70 px-5 py-2 text-center text-lg text-white">
        <span className="font-semibold">{event.sender.name}</span> sent {event.gift.name} ×{event.count}
        {event.combo > 1 ? <span className="ml-2 font-black italic text-amber-300">×{event.combo}</span> : null}
      </p>
    </motion.div>
  );
}

/** Every gift announced in the room, as it plays for everyone: beside the video, or full-screen. */
export function GiftOverlay() {
  const [floating, setFloating] = useState<Floating[]>([]);
  const [queue, setQueue] = useState<AnnouncedGift[]>([]);
  const seen = useRef(new Set<string>());
  const [seenCount, setSeenCount] = useState(0);

  const play = useCallback((event: AnnouncedGift) => {
    if (seen.current.has(event.id)) return; // a notice sent again after a failed try
    seen.current.add(event.id);
    if (giftAnimations[event.gift.animation].fullScreen) {
      setQueue((q) => [...q, event].slice(-MAX_QUEUED));
      return;
    }
    const key = `${event.sender.id}:${event.gift.id}`;
    setFloating((list) => {
      // Notices may overtake each other: a bubble's combo only counts up.
      const shown = list.find((f) => f.key === key)?.event;
      const latest = shown && shown.combo > event.combo ? shown : event;
      return [...list.filter((f) => f.key !== key), { key, event: latest, until: Date.now() + FLOAT_MS }].slice(-MAX_FLOATING);
    });
  }, []);

  // A notice carries every gift sent since the last one: each plays as if it came alone.
  useGiftNotices(
    useCallback(
      (notice) => {
        for (const gift of notice.gifts) play(gift);
        setSeenCount(seen.current.size);
      },
      [play],
    ),
  );

  // Bubbles leave when their time is up (a repeat within the combo window moved it on).
  useEffect(() => {
    if (floating.length === 0) return;
    const next = Math.min(...floating.map((f) => f.until));
    const timer = setTimeout(() => setFloating((list) => list.filter((f) => f.until > Date.now())), Math.max(0, next - Date.now()) + 20);
    return () => clearTimeout(timer);
  }, [floating]);

  const current = queue[0];
  useEffect(() => {
    if (!current) return;
    const timer = setTimeout(() => setQueue((q) => q.slice(1)), FULL_SCREEN_MS);
    return () => clearTimeout(timer);
  }, [current]);

  return (
    <>
      <ul data-testid="gift-overlay" data-seen={seenCount} aria-live="polite" aria-label="Gifts" className="pointer-events-none absolute bottom-3 left-3 flex max-w-[70%] flex-col gap-2">
        <AnimatePresence>
          {floating.map((f) => (
            <FloatingGift key={f.key} event={f.event} />
          ))}
        </AnimatePresence>
      </ul>
      <AnimatePresence>{current ? <FullScreenGift key={current.id} event={current} /> : null}</AnimatePresence>
    </>
  );
}
