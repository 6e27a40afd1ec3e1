import { expect } from "@playwright/test";
import { test } from "./support/test";
import { callAction, chatActions } from "./support/actions";
import { allChatMessages, chatLine, expectChatMessage, sayInChat } from "./support/chat";
import { query } from "./support/db";
import { droppedData, installNetworkCut, setNetwork } from "./support/network";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";

test.setTimeout(240_000);

test("a viewer whose connection drops ends with every message exactly once", async ({ browser }) => {
  const host = await userPage(browser, "Vj");
  const roomNumber = await goLive(host.page, "Dropping viewer");
  const viewer = await userPage(browser, "Dee");
  const witness = await userPage(browser, "Wit");
  await installNetworkCut(viewer.context);
  await viewer.page.goto(`/shows/${roomNumber}`);
  await witness.page.goto(`/shows/${roomNumber}`);
  await sayInChat(host.page, "before the drop");
  await expectChatMessage(viewer.page, "before the drop");
  // Set on this document: if the page were reloaded to catch up, it would be gone.
  await viewer.page.evaluate(() => Object.assign(window, { __sameDocument: true }));

  // Off the network: what is said meanwhile reaches the room (the witness) but not the viewer:
  // its data really arrives at the page and is lost. Sent through the chat's server action, all
  // at once, so the outage stays shorter than LiveKit's reconnect attempts.
  await setNetwork(viewer.context, false);
  const during = ["while away 1", "while away 2", "while away 3"];
  for (const text of during) {
    expect(await callAction(host.page, `/shows/${roomNumber}`, chatActions, "sendChatAction", { roomNumber, text })).toMatchObject({ ok: true });
  }
  for (const text of during) await expectChatMessage(witness.page, text);
  await expect.poll(() => droppedData(viewer.page), { timeout: 15_000 }).toBeGreaterThanOrEqual(during.length);
  for (const text of during) await expect(chatLine(viewer.page, text)).toHaveCount(0);

  // …and back: LiveKit reconnects, and the page asks for what came after the last message it
  // holds (a server action), without reloading.
  const catchUps: string[] = [];
  viewer.page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) catchUps.push(request.url());
  });
  await setNetwork(viewer.context, true);
  for (const text of during) await expectChatMessage(viewer.page, text, 60_000);
  expect(catchUps.length).toBeGreaterThan(0);
  expect(await viewer.page.evaluate(() => "__sameDocument" in window)).toBe(true);
  await sayInChat(host.page, "after the drop");
  await expectChatMessage(viewer.page, "after the drop");

  // Each exactly once, in order, as stored.
  const stored = await query<{ id: number; text: string }>(
    `SELECT m.id, m.text FROM "ChatMessage" m JOIN "Show" s ON s.id = m."showId" WHERE s."roomNumber" = $1 ORDER BY m.seq`,
    [roomNumber],
  );
  expect(stored.map((m) => m.text)).toEqual(["before the drop", ...during, "after the drop"]);
  const shown = await allChatMessages(viewer.page);
  expect(shown.map((m) => ({ id: m.id, text: m.text }))).toEqual(stored);
  await expect(viewer.page.getByTestId("chat-message")).toHaveCount(stored.length);
  for (const u of [host, viewer, witness]) await u.context.close();
});
