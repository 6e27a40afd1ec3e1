import type { Page } from "@playwright/test";

/**
 * Counts, in a page's browser, the server's room notices of each type as they arrive over
 * WebRTC data channels (before the app's own code sees them): a LiveKit data packet carries our
 * JSON payload as is, so `"type":"ended"` appears once per notice. Call before the page loads.
 */
export async function countRoomNotices(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counts: Record<string, number> = {};
    Object.assign(window, { __suixinNotices: counts });
    const decoder = new TextDecoder();
    const watch = (channel: RTCDataChannel) =>
      channel.addEventListener("message", (event: MessageEvent) => {
        const data: unknown = event.data;
        const text = typeof data === "string" ? data : data instanceof ArrayBuffer ? decoder.decode(data) : "";
        for (const match of text.matchAll(/"type":"([a-z-]+)"/g)) counts[match[1] ?? ""] = (counts[match[1] ?? ""] ?? 0) + 1;
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

export async function noticeCount(page: Page, type: string): Promise<number> {
  return page.evaluate((t) => (window as unknown as { __suixinNotices?: Record<string, number> }).__suixinNotices?.[t] ?? 0, type);
}
