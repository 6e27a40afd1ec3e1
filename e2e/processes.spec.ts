import net from "node:net";
import { expect } from "@playwright/test";
import { test } from "./support/test";
import { Client } from "pg";
import { query } from "./support/db";
import { stackProcesses, uidOf } from "./support/processes";
import { readStack } from "./support/stack";

// What runs as whom, checked from /proc and from the services themselves.

test("the services run as the unprivileged service user, Postgres as postgres, nothing as root", () => {
  const { security } = readStack();
  test.skip(process.getuid?.() !== 0, "the stack switches users only when started as root");
  expect(security.serviceUser).toBe("suixin");
  const service = uidOf("suixin");
  const postgres = uidOf("postgres");
  const processes = stackProcesses();
  const find = (pattern: RegExp) => processes.filter((p) => pattern.test(p.cmdline));
  for (const [what, pattern] of [
    ["app", /next-server|next start|server\.ts/],
    ["livekit", /livekit-server/],
    ["egress", /\/egress(\s|$)/],
    ["redis", /redis-server/],
    ["pulseaudio", /pulseaudio/],
  ] as const) {
    const found = find(pattern);
    expect(found.length, what).toBeGreaterThan(0);
    for (const p of found) expect(p.uid, `${what}: ${p.cmdline}`).toBe(service);
  }
  expect(find(/postgres/).length).toBeGreaterThan(0);
  for (const p of find(/postgres/)) expect(p.uid, p.cmdline).toBe(postgres);
  // The supervisor's own helper (tsx's esbuild service) aside, nothing of the stack runs as root.
  for (const p of processes.filter((p) => !/\/esbuild --service/.test(p.cmdline))) expect(p.uid, p.cmdline).not.toBe(0);
});

test("the app's database role is not a superuser, and the superuser cannot log in over TCP", async () => {
  const [role] = await query<{ rolsuper: boolean; rolcreatedb: boolean; rolcreaterole: boolean; rolreplication: boolean; rolbypassrls: boolean }>(
    "SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user",
  );
  expect(role).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolreplication: false, rolbypassrls: false });
  const [owned] = await query<{ n: string }>("SELECT count(*)::text AS n FROM pg_database WHERE pg_get_userbyid(datdba) = current_user");
  expect(owned?.n).toBe("1");

  const app = new URL(readStack().databaseUrl);
  const attempt = async (user: string, database: string) => {
    const client = new Client({ host: app.hostname, port: Number(app.port), user, password: decodeURIComponent(app.password), database });
    try {
      await client.connect();
      return "connected";
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  expect(await attempt("postgres", "postgres")).toMatch(/password authentication failed/);
  expect(await attempt(app.username, "postgres")).toMatch(/permission denied/);
});

test("Redis answers nothing without its password", async () => {
  const redis = new URL(readStack().redisUrl);
  expect(redis.password.length).toBeGreaterThanOrEqual(16);
  const send = (text: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host: redis.hostname, port: Number(redis.port) });
      let reply = "";
      socket.once("error", reject);
      socket.once("connect", () => socket.write(text));
      socket.on("data", (data) => {
        reply += data.toString();
        if ((reply.match(/\r\n/g) ?? []).length >= text.split("\r\n").length - 1) {
          socket.destroy();
          resolve(reply);
        }
      });
    });
  expect(await send("PING\r\n")).toMatch(/^-NOAUTH/);
  expect(await send("KEYS *\r\n")).toMatch(/^-NOAUTH/);
  expect(await send(`AUTH ${redis.password}\r\nPING\r\n`)).toBe("+OK\r\n+PONG\r\n");
});
