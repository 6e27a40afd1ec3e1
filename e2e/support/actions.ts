import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { z } from "zod";

// Calls a server action the way a browser does (POST with the action's id in `Next-Action`),
// with the page's cookies, but with any argument: to show what the server does with input the
// UI never sends (a tampering client). Ids come from the build the test stack runs.

const manifestSchema = z.object({
  node: z.record(z.string(), z.object({ filename: z.string().optional(), exportedName: z.string().optional() })),
});

const resultSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type CalledAction = z.infer<typeof resultSchema>;

let manifest: z.infer<typeof manifestSchema> | undefined;

function actionId(file: string, name: string): string {
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
export async function callAction(as: Page | APIRequestContext, at: string, file: string, name: string, arg: unknown): Promise<CalledAction> {
  const request = "request" in as ? as.request : as;
  const response = await request.post(at, {
    headers: { "next-action": actionId(file, name), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: JSON.stringify([arg]),
  });
  // The answer is React's flight format; the action's value is row 1.
  const row = (await response.text()).split("\n").find((line) => line.startsWith("1:"));
  if (!row) throw new Error(`unexpected action answer (HTTP ${response.status()})`);
  return resultSchema.parse(JSON.parse(row.slice(2)));
}

export const chatActions = "components/chat/actions.ts";
export const moderationActions = "components/moderation/actions.ts";
export const likeActions = "components/likes/actions.ts";
