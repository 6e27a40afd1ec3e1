import type { BrowserContext, Page } from "@playwright/test";

// Chromium's offline emulation (context.setOffline) refuses new HTTP requests and WebSockets,
// but keeps open WebSockets and WebRTC up: on loopback, LiveKit's signal connection and its data
// channel messages would survive "offline". A real outage kills both, so while a context is
// offline this also closes its open WebSockets (LiveKit must reconnect once back) and drops
// what its data channels receive (test side only; the app is not changed). Install before the
// page loads.
const GATE = `(() => {
  window.__suixinDropData = false;
  window.__suixinDropped = 0;
  const sockets = new Set();
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      sockets.add(this);
      this.addEventListener("close", () => sockets.delete(this));
    }
  };
  window.__suixinCutSockets = () => { for (const socket of sockets) socket.close(4000, "network gone"); };
  const proto = RTCDataChannel.prototype;
  const gated = (fn) => fn && function (event) {
    if (!window.__suixinDropData) return fn.call(this, event);
    window.__suixinDropped += 1;
  };
  const onmessage = Object.getOwnPropertyDescriptor(proto, "onmessage");
  Object.defineProperty(proto, "onmessage", {
    configurable: true,
    get() { return onmessage.get.call(this); },
    set(fn) { onmessage.set.call(this, gated(fn)); },
  });
  const add = proto.addEventListener;
  proto.addEventListener = function (type, fn, options) {
    return add.call(this, type, type === "message" ? gated(fn) : fn, options);
  };
})();`;

export async function installNetworkCut(context: BrowserContext) {
  await context.addInitScript({ content: GATE });
}

/** Takes the context's pages off the network (HTTP, WebSocket and WebRTC data), or back on. */
export async function setNetwork(context: BrowserContext, online: boolean) {
  for (const page of context.pages()) {
    await page.evaluate((drop) => {
      (window as unknown as { __suixinDropData: boolean }).__suixinDropData = drop;
    }, !online);
  }
  await context.setOffline(!online);
  if (online) return;
  for (const page of context.pages()) {
    await page.evaluate(() => (window as unknown as { __suixinCutSockets: () => void }).__suixinCutSockets());
  }
}

/** How many data channel messages reached the page while it was offline, and were dropped. */
export async function droppedData(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __suixinDropped: number }).__suixinDropped);
}
