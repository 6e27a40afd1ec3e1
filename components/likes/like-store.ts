"use client";

import { FrameQueue } from "@/components/chat/frame-queue";

/** Hearts to float now: a burst from the room, or this viewer's own tap. */
export type HeartBurst = { count: number; mine: boolean };

/**
 * The show's like total (as the server counted it; totals only grow, and lossy events may come
 * out of order) and the bursts to animate, applied once per animation frame.
 */
export class LikeStore {
  private total: number;
  private readonly listeners = new Set<() => void>();
  private readonly burstListeners = new Set<(burst: HeartBurst) => void>();
  private readonly queue = new FrameQueue<{ total: number; burst: number }>((events) => {
    let burst = 0;
    let total = this.total;
    for (const e of events) {
      burst += e.burst;
      total = Math.max(total, e.total);
    }
    this.setTotal(total);
    if (burst > 0) this.emit({ count: burst, mine: false }); // burst 0: a settled total, nothing to float
  });

  constructor(initial: number) {
    this.total = initial;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getTotal = (): number => this.total;

  onBurst(listener: (burst: HeartBurst) => void): () => void {
    this.burstListeners.add(listener);
    return () => this.burstListeners.delete(listener);
  }

  receive(total: number, burst: number): void {
    this.queue.push({ total, burst });
  }

  /** This viewer tapped: float one heart at once, before the server has counted it. */
  tapped(): void {
    this.emit({ count: 1, mine: true });
  }

  setTotal(total: number): void {
    if (total <= this.total) return;
    this.total = total;
    for (const listener of this.listeners) listener();
  }

  dispose(): void {
    this.queue.dispose();
  }

  private emit(burst: HeartBurst): void {
    for (const listener of this.burstListeners) listener(burst);
  }
}
