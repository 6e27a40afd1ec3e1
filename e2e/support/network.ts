import type { BrowserContext, Page } from "@playwright/test";

// Chromium's offline emulation (context.setOffline) cuts HTTP and WebSockets, not WebRTC: on
// loopback, data channel messages would keep arriving "offline". A real outage loses them, so
// while a context is offline this also drops what its data channels receive (test side only;
// the app is not changed). Install before the page loads.
const GATE = `(() => {
  window.__suixinDropData = false;
  window.__suixinDropped = 0;
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
}

/** How many data channel messages reached the page while it was offline, and were dropped. */
export async function droppedData(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __suixinDropped: number }).__suixinDropped);
}
