import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, type Page, type Request, expect } from "@playwright/test";
import { z } from "zod";

// Server actions as a client (or an attacker) can send them, to show what the server does with
// input the UI never sends: either captured from a real click and sent again with other input or
// another user's cookies, or called by name with any argument (ids from the build the stack runs).

const actionResultSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type ActionAnswer = z.infer<typeof actionResultSchema>;

/** The action's result in a React Server Components answer (one line of the stream carries it). */
export function actionAnswer(text: string): ActionAnswer {
  for (const line of text.split("\n")) {
    try {
      const parsed = actionResultSchema.safeParse(JSON.parse(line.replace(/^[0-9a-f]+:/, "")));
      if (parsed.success) return parsed.data;
    } catch {
      // another line of the stream
    }
  }
  throw new Error(`no action result in ${text.slice(0, 300)}`);
}

// --- captured from a click ------------------------------------------------------------------

const argsSchema = z.tuple([z.record(z.string(), z.unknown())]);

export type CapturedAction = { url: string; headers: Record<string, string>; input: Record<string, unknown> };

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

/** Sends a captured action again from `page`'s browser context (its cookies), with changed input. */
export async function replayAction(page: Page, action: CapturedAction, change: Record<string, unknown> = {}): Promise<ActionAnswer> {
  const response = await page.request.post(action.url, { headers: action.headers, data: JSON.stringify([{ ...action.input, ...change }]) });
  expect(response.ok()).toBe(true);
  return actionAnswer(await response.text());
}

// --- called by name ---------------------------------------------------------------------------

const manifestSchema = z.object({
  node: z.record(z.string(), z.object({ filename: z.string().optional(), exportedName: z.string().optional() })),
});

let manifest: z.infer<typeof manifestSchema> | undefined;

export function actionId(file: string, name: string): string {
  manifest ??= manifestSchema.parse(
    JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", ".next", "server", "server-reference-manifest.json"), "utf8")),
  );
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === name);
  if (!found) throw new Error(`no server action ${name} in ${file} in this build`);
  return found[0];
}

/**
 * `file` is the action's module (e.g. "components/chat/actions.ts"); `at` a page that uses it.
 * `as` is a page (or a context's request API) whose cookies say who calls.
 */
export async function callAction(as: Page | APIRequestContext, at: string, file: string, name: string, arg: unknown): Promise<ActionAnswer> {
  const request = "request" in as ? as.request : as;
  const response = await request.post(at, {
    headers: { "next-action": actionId(file, name), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: JSON.stringify([arg]),
  });
  return actionAnswer(await response.text());
}

export const chatActions = "components/chat/actions.ts";
export const moderationActions = "components/moderation/actions.ts";
export const likeActions = "components/likes/actions.ts";
