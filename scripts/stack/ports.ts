// Checks, before anything starts, that every port the stack will use is free on every address;
// and finds a free one for a one-off server.
import dgram from "node:dgram";
import net from "node:net";

export interface PortClaim {
  port: number;
  protocol: "tcp" | "udp";
  /** what uses it, e.g. "livekit http" */
  label: string;
  /** the environment variable that moves it */
  envVar: string;
  /** extra advice when it is taken */
  hint?: string;
}

/** A TCP port nobody listens on on 127.0.0.1 right now (for a one-off server of a test or bench). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

type Probe = "free" | "in-use" | "no-address";

function probeTcp(port: number, host: string): Promise<Probe> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", (err: NodeJS.ErrnoException) =>
      resolve(err.code === "EADDRINUSE" || err.code === "EACCES" ? "in-use" : "no-address"),
    );
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve("free")));
  });
}

function probeUdp(port: number, host: string): Promise<Probe> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket({ type: host.includes(":") ? "udp6" : "udp4" });
    socket.once("error", (err: NodeJS.ErrnoException) => {
      socket.close();
      resolve(err.code === "EADDRINUSE" || err.code === "EACCES" ? "in-use" : "no-address");
    });
    socket.bind({ port, address: host, exclusive: true }, () => socket.close(() => resolve("free")));
  });
}

/** Free on all addresses: the dual-stack wildcard catches a listener on any of them. */
async function isFree(claim: PortClaim): Promise<boolean> {
  const probe = claim.protocol === "tcp" ? probeTcp : probeUdp;
  const wildcard = await probe(claim.port, "::");
  if (wildcard !== "no-address") return wildcard === "free";
  return (await probe(claim.port, "0.0.0.0")) === "free"; // no IPv6 on this machine
}

/** Throws one error that names every taken port, its service and how to move it. */
export async function assertPortsFree(claims: readonly PortClaim[]): Promise<void> {
  const taken: string[] = [];
  for (const claim of claims) {
    if (await isFree(claim)) continue;
    taken.push(
      `port ${claim.port}/${claim.protocol} (${claim.label}) is in use — is another Suixin stack running? ` +
        `stop it, or set ${claim.envVar} to another port${claim.hint ? ` (${claim.hint})` : ""}`,
    );
  }
  if (taken.length > 0) throw new Error(taken.join("\n"));
}
