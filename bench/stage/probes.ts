// Code that runs inside the pages (serialized by Playwright): nothing from this module's scope.
// Times are epoch milliseconds (performance.timeOrigin + performance.now()): the guest's page and
// the viewer's page run on the same machine, so their clocks compare directly.

/** The guest's page: when Accept was clicked, and when the server answered it. */
export type AcceptProbe = { acceptAt?: number; answeredAt?: number };

/** The viewer's page during one run: the guest's tile, its <video>, and its first frame. */
export type GuestFrameProbe = { tileAt?: number; videoAt?: number; frameAt?: number; how?: "rvfc" | "poll" };

/** Guest page (init script): the Accept click (capture phase, before the app's handler) and its answer. */
export function installAcceptProbe(): void {
  const w = window as unknown as { __accept: AcceptProbe };
  const now = (): number => performance.timeOrigin + performance.now();
  w.__accept = {};
  document.addEventListener(
    "click",
    (event) => {
      const button = event.target instanceof Element ? event.target.closest("button") : null;
      if (button?.textContent?.trim() === "Accept" && button.closest("[data-testid=stage-invite]")) w.__accept = { acceptAt: now() };
    },
    { capture: true },
  );
  const original = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await original(input, init);
    if (typeof init?.body === "string" && init.body.includes('"accept-invite"')) w.__accept.answeredAt = now();
    return response;
  };
}

/** Viewer page (init script): the first guest tile, its video element and its first frame. */
export function installGuestFrameProbe(): void {
  const w = window as unknown as { __guest: GuestFrameProbe };
  const now = (): number => performance.timeOrigin + performance.now();
  w.__guest = {};
  const watched = new WeakSet<Element>();
  new MutationObserver(() => {
    const probe = w.__guest;
    if (probe.tileAt === undefined && document.querySelector("[data-testid=guest-tile]")) probe.tileAt = now();
    const video = document.querySelector<HTMLVideoElement>("video[data-testid=guest-video]");
    if (!video || watched.has(video)) return;
    watched.add(video);
    probe.videoAt ??= now();
    const finish = (at: number, how: "rvfc" | "poll"): void => {
      if (probe.frameAt !== undefined) return;
      probe.frameAt = at;
      probe.how = how;
    };
    video.requestVideoFrameCallback((_now, meta) => finish(performance.timeOrigin + meta.presentationTime, "rvfc"));
    const poll = (): void => {
      if (probe.frameAt !== undefined) return;
      if (video.getVideoPlaybackQuality().totalVideoFrames > 0) finish(now(), "poll");
      else setTimeout(poll, 4);
    };
    poll();
  }).observe(document, { childList: true, subtree: true });
}
