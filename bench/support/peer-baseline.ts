// The raw peer-connection baseline of the WebRTC benchmarks (bench:join, bench:stage): two
// pages of the same browser, the sender's fake camera already open, fresh RTCPeerConnections
// each run, offer and answer relayed by Playwright (non-trickle ICE on loopback), from "start"
// on the receiving page to its first decoded frame. The floor WebRTC itself sets on this machine.
import type { Browser } from "@playwright/test";

import type { BaselineProbe } from "../join-latency/probes";
import { openCamera, receiverAnswer, senderAccept, senderOffer, startBaselineReceiver } from "../join-latency/probes";
import { newContext } from "./browser";

const RUN_TIMEOUT_MS = 20_000;

export type PeerBaseline = {
  /** one connection: milliseconds from start to the first frame, and how the frame was seen */
  once: () => Promise<{ total: number; how: string }>;
  close: () => Promise<void>;
};

export async function openPeerBaseline(browser: Browser, appUrl: string): Promise<PeerBaseline> {
  // The pages live on the app's origin only because getUserMedia needs a secure context
  // (127.0.0.1 is one); they load nothing of the app but a JSON health answer.
  const senderContext = await newContext(browser);
  const sender = await senderContext.newPage();
  await sender.goto(`${appUrl}/api/health`);
  await sender.evaluate(openCamera);
  const receiverContext = await newContext(browser);
  const receiver = await receiverContext.newPage();
  await receiver.goto(`${appUrl}/api/health`);

  return {
    async once() {
      const startAt = await receiver.evaluate(startBaselineReceiver);
      const offer = await sender.evaluate(senderOffer);
      const answer = await receiver.evaluate(receiverAnswer, offer);
      await sender.evaluate(senderAccept, answer);
      await receiver.waitForFunction(() => (window as unknown as { __probe: BaselineProbe }).__probe.frameAt !== undefined, null, {
        timeout: RUN_TIMEOUT_MS,
        polling: 50,
      });
      const probe = await receiver.evaluate(() => (window as unknown as { __probe: BaselineProbe }).__probe);
      return { total: (probe.frameAt ?? Number.NaN) - startAt, how: probe.how ?? "?" };
    },
    async close() {
      await Promise.all([senderContext.close(), receiverContext.close()]);
    },
  };
}
