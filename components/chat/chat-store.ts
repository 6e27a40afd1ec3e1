"use client";

import { FrameQueue } from "@/components/chat/frame-queue";
import type { ChatMessageView } from "@/lib/chat/events";
import { addLocal, addMessages, emptyTimeline, lastMessageId, refuseLocal, removeMessages, type Timeline } from "@/lib/chat/timeline";

type Change = { kind: "message"; message: ChatMessageView } | { kind: "delete"; id: number };

/** A comment that just arrived live (for the danmaku layer), not one from history. */
export type LiveComment = { key: string; text: string; mine: boolean };

/**
 * The chat as this browser holds it, outside React: room events are queued and applied once
 * per animation frame; components read snapshots with useSyncExternalStore.
 */
export class ChatStore {
  private timeline: Timeline;
  private readonly listeners = new Set<() => void>();
  private readonly commentListeners = new Set<(comments: LiveComment[]) => void>();
  private readonly queue = new FrameQueue<Change>((changes) => this.apply(changes));

  constructor(
    private me: string,
    history: readonly ChatMessageView[],
  ) {
    this.timeline = addMessages(emptyTimeline, history, me).timeline;
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

  /** What a catch-up returned: applied at once, and not flown across the video. */
  sync(messages: readonly ChatMessageView[], deletedIds: readonly number[]): void {
    this.queue.flush();
    this.set(removeMessages(addMessages(this.timeline, messages, this.me).timeline, deletedIds));
  }

  /** Our own message, shown at once. */
  sendLocal(nonce: string, text: string): void {
    this.set(addLocal(this.timeline, nonce, text));
    this.emit([{ key: `l${nonce}`, text, mine: true }]);
  }

  confirm(message: ChatMessageView): void {
    this.set(addMessages(this.timeline, [message], this.me).timeline);
  }

  refuse(nonce: string, reason: string): void {
    this.set(refuseLocal(this.timeline, nonce, reason));
  }

  lastId(): number | null {
    this.queue.flush();
    return lastMessageId(this.timeline);
  }

  dispose(): void {
    this.queue.dispose();
  }

  private apply(changes: Change[]): void {
    let timeline = this.timeline;
    const added: ChatMessageView[] = [];
    let batch: ChatMessageView[] = [];
    const addBatch = () => {
      if (batch.length === 0) return;
      const result = addMessages(timeline, batch, this.me);
      timeline = result.timeline;
      added.push(...result.added);
      batch = [];
    };
    for (const change of changes) {
      if (change.kind === "message") batch.push(change.message);
      else {
        addBatch();
        timeline = removeMessages(timeline, [change.id]);
      }
    }
    addBatch();
    this.set(timeline);
    const comments = added.filter((m) => m.user.id !== this.me).map((m) => ({ key: `m${m.id}`, text: m.text, mine: false }));
    if (comments.length) this.emit(comments);
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
