import { expect } from "@playwright/test";
import { test } from "./support/test";
import { callAction, chatActions } from "./support/actions";
import { allChatMessages, chatLine, expectChatMessage, sayInChat } from "./support/chat";
import { query } from "./support/db";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";

test.setTimeout(300_000);

test("3 users chat; a late joiner sees the last 50 in order; markup shows as text", async ({ browser }) => {
  const host = await userPage(browser, "Vj");
  const roomNumber = await goLive(host.page, "Chat check");
  const ann = await userPage(browser, "Ann");
  const bob = await userPage(browser, "Bob");
  for (const viewer of [ann, bob]) await viewer.page.goto(`/shows/${roomNumber}`);

  // Everyone sees everyone's message, with name and (for the host) a badge.
  await sayInChat(ann.page, "hello from Ann");
  await sayInChat(bob.page, "hi Ann, Bob here");
  await sayInChat(host.page, "welcome both!");
  for (const page of [host.page, ann.page, bob.page]) {
    for (const text of ["hello from Ann", "hi Ann, Bob here", "welcome both!"]) await expectChatMessage(page, text);
  }
  const hostLine = chatLine(bob.page, "welcome both!");
  await expect(hostLine.getByTestId("chat-author")).toHaveText(host.user.name);
  await expect(hostLine.getByTestId("chat-badge")).toHaveText("host");
  await expect(chatLine(bob.page, "hello from Ann").getByTestId("chat-badge")).toHaveCount(0);

  // Markup is text: nothing runs, no element is made.
  const xss = `<img src=x onerror="window.__xss=1">`;
  await sayInChat(ann.page, xss);
  await expectChatMessage(bob.page, xss);
  await expectChatMessage(host.page, xss);
  expect(await bob.page.evaluate(() => "__xss" in window)).toBe(false);
  await expect(bob.page.getByTestId("chat-list").locator("img")).toHaveCount(0);

  // More than 50 messages in all, the three of them at once (through the same server action
  // the chat form calls; typing 52 of them would only test Playwright's keyboard).
  const senders = [host, ann, bob];
  const bulk = Array.from({ length: 52 }, (_, i) => `message ${i + 1}`);
  await Promise.all(
    senders.map(async (sender, s) => {
      for (const text of bulk.filter((_, i) => i % 3 === s)) {
        const result = await callAction(sender.page, `/shows/${roomNumber}`, chatActions, "sendChatAction", { roomNumber, text });
        expect(result.ok).toBe(true);
      }
    }),
  );

  // Stored once each, numbered in the order the server took them; a late joiner gets the last 50 of
  // them with the page, oldest first.
  const stored = await query<{ text: string }>(
    `SELECT m.text FROM "ChatMessage" m JOIN "Show" s ON s.id = m."showId" WHERE s."roomNumber" = $1 ORDER BY m.seq`,
    [roomNumber],
  );
  expect([...stored.map((r) => r.text)].sort()).toEqual(["hello from Ann", "hi Ann, Bob here", "welcome both!", xss, ...bulk].sort());
  const last = stored.at(-1)!.text;
  await expectChatMessage(ann.page, last);
  await expectChatMessage(host.page, last);
  // They come in the watch page's server answer, not in a request after it: this browser's
  // catch-up calls (server actions) are refused, and the 50 are there all the same.
  const cyd = await userPage(browser, "Cyd");
  let refusedCalls = 0;
  await cyd.page.route(`**/shows/${roomNumber}`, async (route) => {
    if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.fallback();
    refusedCalls += 1;
    await route.abort();
  });
  const answer = await cyd.page.goto(`/shows/${roomNumber}`);
  expect(await answer!.text()).toContain(last);
  await expectChatMessage(cyd.page, last, 30_000);
  const shown = await allChatMessages(cyd.page);
  expect(shown.map((m) => m.text)).toEqual(stored.slice(-50).map((r) => r.text));
  expect(shown.map((m) => m.id)).toEqual([...shown.map((m) => m.id)].sort((a, b) => a - b));
  // The page did try to catch up once connected (the refusal above mattered), and the list is
  // virtualised: not every one of the 50 is in the DOM at once.
  await expect.poll(() => refusedCalls, { timeout: 30_000 }).toBeGreaterThan(0);
  expect(await cyd.page.getByTestId("chat-message").count()).toBeLessThan(50);

  // The host's summary counts them.
  await host.page.getByRole("button", { name: "End show" }).click();
  await expect(host.page.getByTestId("stat-messages")).toHaveText(String(stored.length), { timeout: 15_000 });
  for (const u of [host, ann, bob, cyd]) await u.context.close();
});
