// <datadir>/stack.json: what a running stack offers (URLs, keys, ports). Tests read it through
// e2e/support/stack.ts; the schema here is the one both sides use.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

export const portsSchema = z.object({
  app: z.number().int(),
  livekitHttp: z.number().int(),
  livekitRtcTcp: z.number().int(),
  livekitRtcUdp: z.number().int(),
  redis: z.number().int(),
  /** null when DATABASE_URL points at a server the stack does not run */
  postgres: z.number().int().nullable(),
  egressHealth: z.number().int(),
});
export type Ports = z.infer<typeof portsSchema>;

export const stackInfoSchema = z.object({
  profile: z.enum(["dev", "test"]),
  appUrl: z.string(),
  /** every app instance (appUrl is the first; LiveKit's webhooks and Egress go to it) */
  appUrls: z.array(z.string()),
  livekit: z.object({
    wsUrl: z.string(),
    httpUrl: z.string(),
    apiKey: z.string(),
    apiSecret: z.string(),
  }),
  databaseUrl: z.string(),
  /** with the password */
  redisUrl: z.string(),
  dataDir: z.string(),
  ports: portsSchema,
  services: z.array(z.string()),
  /** who the services run as (null: as the supervisor), and whether Egress's Chromium is sandboxed */
  security: z.object({ serviceUser: z.string().nullable(), chromeSandbox: z.boolean() }),
  supervisorPid: z.number().int(),
  startedAt: z.string(),
});
export type StackInfo = z.infer<typeof stackInfoSchema>;

export const STACK_FILE = "stack.json";

export function writeStackInfo(dataDir: string, info: StackInfo): string {
  const file = path.join(dataDir, STACK_FILE);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  return file;
}

export function removeStackInfo(dataDir: string): void {
  fs.rmSync(path.join(dataDir, STACK_FILE), { force: true });
}

export function readStackInfo(file: string): StackInfo {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (cause) {
    throw new Error(`cannot read ${file}: is the Suixin stack running?`, { cause });
  }
  return stackInfoSchema.parse(raw);
}
