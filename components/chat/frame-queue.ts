"use client";

// Applies work at most once per animation frame: a storm of room events becomes one render
// per frame. Hidden tabs get no frames, so a long queue is applied at once instead of growing.
const APPLY_NOW_AT = 250;

export class FrameQueue<T> {
  private items: T[] = [];
  private frame: number | null = null;

  constructor(private readonly apply: (items: T[]) => void) {}

  push(item: T): void {
    this.items.push(item);
    if (this.items.length >= APPLY_NOW_AT) this.flush();
    else this.frame ??= requestAnimationFrame(this.flush);
  }

  readonly flush = (): void => {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    if (this.items.length === 0) return;
    const items = this.items;
    this.items = [];
    this.apply(items);
  };

  dispose(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.items = [];
  }
}
