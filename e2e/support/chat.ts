import { type BrowserContext, type Page, expect } from "@playwright/test";

export type ShownMessage = { id: number; author: string; text: string; badge: string | null };

/** Types a message into the room's chat and sends it with Enter. */
export async function sendChat(page: Page, text: string) {
  const input = page.getByRole("textbox", { name: "Chat message" });
  await expect(input).toBeEnabled({ timeout: 15_000 });
  await input.fill(text);
  await input.press("Enter");
}

/** Sends a message and waits until the server has stored it (the sender's copy is confirmed). */
export async function sayInChat(page: Page, text: string) {
  await sendChat(page, text);
  await expectChatMessage(page, text);
}

/** A chat line (sent, sending or refused) whose text is exactly `text`. */
export function chatLine(page: Page, text: string) {
  return page.getByTestId("chat-message").filter({ has: page.getByTestId("chat-text").getByText(text, { exact: true }) });
}

/** Waits until the chat shows `text` as a message stored by the server. */
export async function expectChatMessage(page: Page, text: string, timeout = 15_000) {
  await expect(chatLine(page, text).and(page.locator("[data-status=sent]"))).toHaveCount(1, { timeout });
}

/**
 * Every message the chat list holds, top to bottom. The list is virtualised (only rows on
 * screen are in the DOM), so this scrolls through it like a reader would.
 */
export async function allChatMessages(page: Page): Promise<ShownMessage[]> {
  return page.getByTestId("chat-list").evaluate(async (list) => {
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // Each row with its place in the list (the virtualiser's index): a loaded page may not have
    // re-rendered the rows for a new scroll position two frames later, so the order the rows are
    // read in is not the order the list shows them in.
    const seen = new Map<number, ShownMessage>();
    const places = new Map<number, number>();
    const read = () => {
      for (const row of list.querySelectorAll<HTMLElement>("[data-testid=chat-message][data-message-id]")) {
        const id = Number(row.dataset.messageId);
        if (seen.has(id)) continue;
        seen.set(id, {
          id,
          author: row.querySelector("[data-testid=chat-author]")?.textContent ?? "",
          text: row.querySelector("[data-testid=chat-text]")?.textContent ?? "",
          badge: row.querySelector("[data-testid=chat-badge]")?.textContent ?? null,
        });
        places.set(id, Number(row.closest<HTMLElement>("[data-index]")?.dataset.index ?? Number.NaN));
      }
    };
    list.scrollTop = 0;
    await frames();
    for (let i = 0; i < 1000; i++) {
      read();
      if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1) break;
      list.scrollTop += Math.max(20, list.clientHeight / 2);
      await frames();
    }
    read();
    list.scrollTop = list.scrollHeight;
    const place = (m: ShownMessage) => places.get(m.id) ?? Number.NaN;
    if ([...seen.values()].some((m) => Number.isNaN(place(m)))) throw new Error("a chat row outside the list's rows");
    return [...seen.values()].sort((a, b) => place(a) - place(b));
  });
}

export type LikeEvent = { at: number; total: number; burst: number };

/**
 * Records, in a context's pages, every `likes` room event as it arrives over WebRTC data
 * channels (before the app's code sees it): arrival time, total and burst. Install before the
 * page loads; read with `likeEvents`.
 */
export async function recordLikeEvents(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: { at: number; total: number; burst: number }[] = [];
    Object.assign(window, { __suixinLikes: seen });
    const decoder = new TextDecoder();
    const watch = (channel: RTCDataChannel) =>
      channel.addEventListener("message", (event: MessageEvent) => {
        const data: unknown = event.data;
        const text = typeof data === "string" ? data : data instanceof ArrayBuffer ? decoder.decode(data) : "";
        for (const match of text.matchAll(/\{[^{}]*"type":"likes"[^{}]*\}/g)) {
          const parsed = JSON.parse(match[0]) as { total: number; burst: number };
          seen.push({ at: performance.now(), total: parsed.total, burst: parsed.burst });
        }
      });
    const Original = window.RTCPeerConnection;
    const create = Original.prototype.createDataChannel;
    Original.prototype.createDataChannel = function (...args: Parameters<RTCPeerConnection["createDataChannel"]>) {
      const channel = create.apply(this, args);
      watch(channel);
      return channel;
    };
    window.RTCPeerConnection = class extends Original {
      constructor(config?: RTCConfiguration) {
        super(config);
        this.addEventListener("datachannel", (event) => watch(event.channel));
      }
    };
  });
}

export async function likeEvents(page: Page): Promise<LikeEvent[]> {
  return page.evaluate(() => (window as unknown as { __suixinLikes: LikeEvent[] }).__suixinLikes);
}
