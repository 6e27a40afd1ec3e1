import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext } from "@playwright/test";
import { test } from "./support/test";
import { expect, operatorPage, userIdOf } from "./support/admin";
import { tableCounts } from "./support/db";
import { userPage } from "./support/users";

// Every admin page, route and server action, found from the source tree and the build (not a
// hand-kept list), is refused to a visitor (401, pages: to the login page) and to a logged-in
// user who is not an operator (403), and lets an operator through. A new page, route or action
// is in this test the moment it exists; a new action also needs a valid input in ACTION_INPUTS.

test.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "..");
const SAMPLE_ROOM = 10001;

function walk(dir: string, file: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full, file) : entry.name === file ? [full] : [];
  });
}

/** app/(admin)/admin/users/[userId]/page.tsx → /admin/users/<id> (route groups dropped). */
function urlOf(file: string, userId: string): string {
  const segments = path
    .relative(path.join(ROOT, "app"), path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.+\)$/.test(s))
    .map((s) => {
      if (s === "[userId]") return userId;
      if (s === "[roomNumber]") return String(SAMPLE_ROOM);
      if (s.startsWith("[")) throw new Error(`${file}: no sample value for the segment ${s}; add one to this test`);
      return s;
    });
  return `/${segments.join("/")}`;
}

const pages = walk(path.join(ROOT, "app", "(admin)"), "page.tsx");
const routes = walk(path.join(ROOT, "app", "api", "admin"), "route.ts").map((file) => ({
  file,
  methods: [...fs.readFileSync(file, "utf8").matchAll(/export async function (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!),
}));

type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };
function adminActions(): { id: string; name: string; page: string }[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  return Object.entries(manifest.node)
    .filter(([, entry]) => entry.filename.startsWith("components/admin/actions/"))
    .map(([id, entry]) => ({ id, name: entry.exportedName, page: path.join(ROOT, `${Object.keys(entry.workers)[0]!}.tsx`) }));
}

/** A valid input for each admin action: refused for who is asking, never for what is asked. */
const ACTION_INPUTS: Record<string, (userId: string) => unknown> = {
  endShowAsOperatorAction: () => ({ roomNumber: SAMPLE_ROOM, reason: "permission test" }),
  banUserAction: (userId) => ({ userId, reason: "permission test" }),
  unbanUserAction: (userId) => ({ userId }),
  muteUserAction: (userId) => ({ userId, reason: "permission test" }),
  unmuteUserAction: (userId) => ({ userId }),
  setUserRoleAction: (userId) => ({ userId, role: "OPERATOR" }),
  saveSettingAction: () => ({ key: "hostGraceSeconds", value: 30 }),
  handleReportAction: () => ({ reportId: "report-of-the-permission-test", action: "dismiss", reason: "permission test" }),
  stopOutputAction: () => ({ egressId: "EG_permission_test", reason: "permission test" }),
  cleanupStuckOutputsAction: () => ({ reason: "permission test" }),
  deleteRecordingAction: () => ({ recordingId: "EG_permission_test", reason: "permission test" }),
  createGiftAction: () => ({ id: "permission-test", name: "Permission test", price: 3, icon: "/gifts/heart.svg", animation: "FLOAT" }),
  updateGiftAction: () => ({ id: "rose", name: "Rose", price: 3, icon: "/gifts/rose.svg", animation: "FLOAT" }),
  retireGiftAction: () => ({ id: "rose", retired: true }),
  grantCoinsAction: () => ({ email: "nobody@example.test", amount: 10, reason: "permission test" }),
};

/** Calls a server action the way Next's client does; returns its result's error code, if any. */
async function callAction(request: APIRequestContext, url: string, id: string, input: unknown): Promise<string | null> {
  const response = await request.post(url, {
    headers: { "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: new URL(url, test.info().project.use.baseURL).origin },
    data: JSON.stringify([input]),
    maxRedirects: 0,
  });
  expect(response.status()).toBe(200);
  const body = await response.text();
  const result = body.split("\n").find((line) => line.startsWith("1:"));
  if (!result) throw new Error(`no action result in: ${body.slice(0, 200)}`);
  const parsed = JSON.parse(result.slice(2)) as { ok: boolean; error?: { code: string } };
  return parsed.ok ? null : (parsed.error?.code ?? "?");
}

test("the test knows every admin page, route and action", () => {
  expect(pages.length).toBeGreaterThanOrEqual(6);
  expect(routes.flatMap((r) => r.methods).length).toBeGreaterThanOrEqual(3);
  const actions = adminActions();
  expect(actions.length).toBeGreaterThanOrEqual(7);
  for (const a of actions) expect(ACTION_INPUTS, `an input for ${a.name}`).toHaveProperty(a.name);
});

test("visitors get 401 (pages: the login page) and users 403 everywhere in the dashboard; nothing changes", async ({ browser, playwright, baseURL }) => {
  const user = await userPage(browser, "Curious");
  const userId = await userIdOf(user.user.email);
  const visitor = await playwright.request.newContext({ baseURL });
  // (Webhooks of earlier tests' rooms may still arrive: those two tables are not ours to watch.)
  const counted = { except: ["WebhookDelivery", "ParticipantSession"] };
  const before = await tableCounts(counted);
  const actions = adminActions();

  for (const file of pages) {
    const url = urlOf(file, userId);
    await test.step(`page ${url}`, async () => {
      const anonymous = await visitor.get(url, { maxRedirects: 0 });
      expect(anonymous.status(), `${url} for a visitor`).toBe(307);
      expect(anonymous.headers().location).toMatch(/^\/login\?callbackUrl=/);
      const asUser = await user.page.request.get(url, { maxRedirects: 0 });
      expect(asUser.status(), `${url} for a user`).toBe(403);
      expect(await asUser.text()).toContain("This page is for the operators of Suixin.");
    });
  }

  for (const { file, methods } of routes) {
    const url = urlOf(file, userId);
    for (const method of methods) {
      await test.step(`${method} ${url}`, async () => {
        const anonymous = await visitor.fetch(url, { method, maxRedirects: 0 });
        expect(anonymous.status(), `${method} ${url} for a visitor`).toBe(401);
        expect((await anonymous.json()).error.code).toBe("UNAUTHENTICATED");
        const asUser = await user.page.request.fetch(url, { method, maxRedirects: 0 });
        expect(asUser.status(), `${method} ${url} for a user`).toBe(403);
        expect((await asUser.json()).error.code).toBe("FORBIDDEN");
      });
    }
  }

  for (const a of actions) {
    const url = urlOf(a.page, userId);
    await test.step(`action ${a.name}`, async () => {
      const input = ACTION_INPUTS[a.name]!(userId);
      expect(await callAction(visitor, url, a.id, input), `${a.name} for a visitor`).toBe("UNAUTHENTICATED");
      expect(await callAction(user.page.request, url, a.id, input), `${a.name} for a user`).toBe("FORBIDDEN");
    });
  }

  // The user asked for every one of them with valid input, and nothing happened.
  expect(await tableCounts(counted)).toEqual(before);
  await visitor.dispose();
  await user.context.close();
});

test("operators get every page and route; the server refuses invalid settings even when the form is bypassed", async ({ browser }) => {
  const ops = await operatorPage(browser, "OpsPerms");
  const opsId = await userIdOf(ops.user.email);
  for (const file of pages) {
    const url = urlOf(file, opsId);
    const response = await ops.page.request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(200);
  }
  for (const { file, methods } of routes) {
    const url = urlOf(file, opsId);
    for (const method of methods) {
      const response = await ops.page.request.fetch(url, { method, maxRedirects: 0 });
      // Past the permission check (the sample room may not be live: 404/410 are the show's answer).
      expect([200, 404, 410], `${method} ${url}`).toContain(response.status());
    }
  }

  const save = adminActions().find((a) => a.name === "saveSettingAction")!;
  const url = urlOf(save.page, opsId);
  const counted = { except: ["WebhookDelivery", "ParticipantSession"] };
  const before = await tableCounts(counted);
  for (const input of [
    { key: "hostGraceSeconds", value: -1 },
    { key: "recordingPartSeconds", value: 5 },
    { key: "pushChannelLimit", value: 2.5 },
    { key: "allowPrivateRtmp", value: "yes" },
    { key: "wordFilter", value: ["ok", ""] },
    { key: "rateLimits", value: { "show.token": { points: 0 } } },
    { key: "rateLimits", value: { "no.such.limit": { points: 5 } } },
    { key: "noSuchSetting", value: 1 },
  ]) {
    expect(await callAction(ops.page.request, url, save.id, input), JSON.stringify(input)).toBe("VALIDATION");
  }
  expect(await tableCounts(counted)).toEqual(before);
  await ops.context.close();
});
