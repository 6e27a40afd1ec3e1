// Builds go-subscribers/main.go (bench:chat's subscribers on LiveKit's Go SDK) into .data/, with
// the machine's Go and modules from the Go module proxy; Go's build cache makes later runs quick.
import { execFileSync } from "node:child_process";
import path from "node:path";

const SOURCE = path.join(__dirname, "go-subscribers");

/** The built program's path. */
export function buildGoSubscribers(): string {
  const binary = path.resolve(".data", "bench", "chat-subscribers");
  const started = performance.now();
  execFileSync("go", ["build", "-o", binary, "."], { cwd: SOURCE, stdio: ["ignore", "inherit", "inherit"] });
  process.stdout.write(`go subscribers built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return binary;
}
