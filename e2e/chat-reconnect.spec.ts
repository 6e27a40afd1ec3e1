import { expect, test } from "@playwright/test";
import { allChatMessages, chatLine, expectChatMessage, sayInChat } from "./support/chat";
import { installNetworkCut, setNetwork } from "./support/network";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";

test.setTimeout(240_000);

test("a viewer whose connection drops ends with every message exactly once", async ({ browser }) => {
  const host = await userPage(browser, "Vj");
  const roomNumber = await goLive(host.page, "Dropping viewer");
  const viewer = await userPage(browser, "Dee");
  await installNetworkCut(viewer.context);
  await viewer.page.goto(`/shows/${roomNumber}`);
  await sayInChat(host.page, "before the drop");
  await expectChatMessage(viewer.page, "before the drop");

  // Off the network: what is said meanwhile does not reach the viewer…
  await setNetwork(viewer.context, false);
  const during = ["while away 1", "while away 2", "while away 3"];
  for (const text of during) await sayInChat(host.page, text);
  await expect(chatLine(viewer.page, "while away 3")).toHaveCount(0);

  // …and back: LiveKit reconnects, the page catches up after its newest message.
  await setNetwork(viewer.context, true);
  for (const text of during) await expectChatMessage(viewer.page, text, 60_000);
  await sayInChat(host.page, "after the drop");
  await expectChatMessage(viewer.page, "after the drop");

  // Each exactly once, in order.
  const shown = await allChatMessages(viewer.page);
  expect(shown.map((m) => m.text)).toEqual(["before the drop", ...during, "after the drop"]);
  expect(new Set(shown.map((m) => m.id)).size).toBe(shown.length);
  await host.context.close();
  await viewer.context.close();
});
