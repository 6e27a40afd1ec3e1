import { type Page, type Request, expect } from "@playwright/test";
import { z } from "zod";

// Server actions as a client (or an attacker) can send them: captured from a real click, then
// sent again with other input or another user's cookies. The answer is the action's result.

const argsSchema = z.tuple([z.record(z.string(), z.unknown())]);
const answerSchema = z.union([
  z.object({ ok: z.literal(true), data: z.record(z.string(), z.unknown()) }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

export type CapturedAction = { url: string; headers: Record<string, string>; input: Record<string, unknown> };
export type ActionAnswer = z.infer<typeof answerSchema>;

export const isActionRequest = (r: Request) => r.method() === "POST" && r.headers()["next-action"] !== undefined;

/** Runs `click` and returns the server action request it made. */
export async function captureAction(page: Page, click: () => Promise<void>): Promise<CapturedAction> {
  const [request] = await Promise.all([page.waitForRequest(isActionRequest), click()]);
  const [input] = argsSchema.parse(JSON.parse(request.postData() ?? "[]"));
  const headers = Object.fromEntries(
    Object.entries(await request.allHeaders()).filter(([k]) => !["cookie", "content-length", "host"].includes(k) && !k.startsWith(":")),
  );
  return { url: request.url(), headers, input };
}

/** The action's result in a React Server Components answer (one line of the stream carries it). */
export function actionAnswer(text: string): ActionAnswer {
  for (const line of text.split("\n")) {
    try {
      const parsed = answerSchema.safeParse(JSON.parse(line.replace(/^[0-9a-f]+:/, "")));
      if (parsed.success) return parsed.data;
    } catch {
      // another line of the stream
    }
  }
  throw new Error(`no action result in ${text.slice(0, 300)}`);
}

/** Sends a captured action again from `page`'s browser context (its cookies), with changed input. */
export async function replayAction(page: Page, action: CapturedAction, change: Record<string, unknown> = {}): Promise<ActionAnswer> {
  const response = await page.request.post(action.url, { headers: action.headers, data: JSON.stringify([{ ...action.input, ...change }]) });
  expect(response.ok()).toBe(true);
  return actionAnswer(await response.text());
}
