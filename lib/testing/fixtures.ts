// Rows for the integration tests (lib/**/*.int.test.ts), straight into the test database.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

export function uid(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`;
}

export async function makeUser(name = "Someone") {
  const id = uid("user");
  return db.user.create({ data: { id, email: `${id}@example.test`, name, passwordHash: "x" }, select: { id: true, name: true } });
}

/** A live show started `ageMs` ago, with its host. */
export async function makeLiveShow(ageMs = 60_000) {
  const host = await makeUser("Host");
  const show = await db.show.create({
    data: { title: "Integration", hostId: host.id, startedAt: new Date(Date.now() - ageMs) },
    select: { id: true, roomNumber: true, hostId: true, startedAt: true, hostAwaySince: true },
  });
  return { host, show };
}

/** Payloads of the jobs of one task waiting in the queue (graphile-worker's tables). */
export async function queuedJobs(task: string): Promise<unknown[]> {
  const rows = await db.$queryRaw<{ payload: unknown }[]>`
    SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = ${task} ORDER BY j.id`;
  return rows.map((r) => r.payload);
}

export async function clearJobs(): Promise<void> {
  await db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
}
