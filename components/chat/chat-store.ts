"use client";

import { FrameQueue } from "@/components/chat/frame-queue";
import type { ChatMessageView } from "@/lib/chat/events";
import {
  addLocal,
  addMessages,
  emptyTimeline,
  hasGap,
  refuseLocal,
  removeMessages,
  type SeqTracker,
  type Timeline,
  trackSeqs,
} from "@/lib/chat/timeline";

type Change = { kind: "message"; message: ChatMessageView } | { kind: "delete"; id: number };

/** A comment that just arrived live (for the danmaku layer), not one from history. */
export type LiveComment = { key: string; text: string; mine: boolean };

/**
 * The chat as this browser holds it, outside React: room events are queued and applied once
 * per animation frame; components read snapshots with useSyncExternalStore. It also keeps count
 * of the show's sequence numbers, and says when one went missing on the way (`onGap`).
 */
export class ChatStore {
  private timeline: Timeline;
  /** null until the server has said how far this client is (the studio, before it connects) */
  private seqs: SeqTracker | null;
  private gapListener: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly commentListeners = new Set<(comments: LiveComment[]) => void>();
  private readonly queue = new FrameQueue<Change>((changes) => this.apply(changes));

  constructor(
    private me: string,
    history: readonly ChatMessageView[],
    /** the show's newest number when `history` was read: everything up to it is accounted for */
    lastSeq: number | null,
  ) {
    this.timeline = addMessages(emptyTimeline, history, me).timeline;
    this.seqs = lastSeq === null ? null : { through: lastSeq, beyond: new Set() };
  }

  /** Who "me" is, when the store was made before the server said (the studio). */
  identify(userId: string): void {
    if (userId === this.me) return;
    this.me = userId;
    this.set({ ...this.timeline, entries: this.timeline.entries.map((e) => (e.kind === "message" ? { ...e, mine: e.message.user.id === userId } : e)) });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): Timeline => this.timeline;

  /** Called when a message is missing between ones that arrived (the room lost it). */
  onGap(listener: (() => void) | null): void {
    this.gapListener = listener;
  }

  hasGap(): boolean {
    return this.seqs !== null && hasGap(this.seqs);
  }

  /** What to ask a catch-up for: everything after this (null: everything recent). */
  afterSeq(): number | null {
    this.queue.flush();
    return this.seqs?.through ?? null;
  }

  onComments(listener: (comments: LiveComment[]) => void): () => void {
    this.commentListeners.add(listener);
    return () => this.commentListeners.delete(listener);
  }

  /** A message from the room (applied with the next frame). */
  receive(message: ChatMessageView): void {
    this.queue.push({ kind: "message", message });
  }

  remove(id: number): void {
    this.queue.push({ kind: "delete", id });
  }

  /** What a catch-up returned (it vouches for everything up to `lastSeq`): applied at once, not flown across the video. */
  sync(messages: readonly ChatMessageView[], deletedIds: readonly number[], lastSeq: number): void {
    this.queue.flush();
    this.seqs = trackSeqs(this.seqs ?? { through: 0, beyond: new Set() }, messages.map((m) => m.seq), lastSeq);
    this.set(removeMessages(addMessages(this.timeline, messages, this.me).timeline, deletedIds));
  }

  /** Our own message, shown at once. */
  sendLocal(nonce: string, text: string): void {
    this.set(addLocal(this.timeline, nonce, text));
    this.emit([{ key: `l${nonce}`, text, mine: true }]);
  }

  confirm(message: ChatMessageView): void {
    this.set(addMessages(this.timeline, [message], this.me).timeline);
    this.track([message.seq]);
  }

  refuse(nonce: string, reason: string): void {
    this.set(refuseLocal(this.timeline, nonce, reason));
  }

  dispose(): void {
    this.queue.dispose();
  }

  private apply(changes: Change[]): void {
    let timeline = this.timeline;
    const added: ChatMessageView[] = [];
    const seqs: number[] = [];
    let batch: ChatMessageView[] = [];
    const addBatch = () => {
      if (batch.length === 0) return;
      const result = addMessages(timeline, batch, this.me);
      timeline = result.timeline;
      added.push(...result.added);
      batch = [];
    };
    for (const change of changes) {
      if (change.kind === "message") {
        batch.push(change.message);
        seqs.push(change.message.seq);
      }
      else {
        addBatch();
        timeline = removeMessages(timeline, [change.id]);
      }
    }
    addBatch();
    this.set(timeline);
    this.track(seqs);
    const comments = added.filter((m) => m.user.id !== this.me).map((m) => ({ key: `m${m.id}`, text: m.text, mine: false }));
    if (comments.length) this.emit(comments);
  }

  private track(seqs: number[]): void {
    if (!this.seqs || seqs.length === 0) return;
    this.seqs = trackSeqs(this.seqs, seqs);
    if (hasGap(this.seqs)) this.gapListener?.();
  }

  private set(timeline: Timeline): void {
    if (timeline === this.timeline) return;
    this.timeline = timeline;
    for (const listener of this.listeners) listener();
  }

  private emit(comments: LiveComment[]): void {
    for (const listener of this.commentListeners) listener(comments);
  }
}
