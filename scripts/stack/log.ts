// Status lines of the supervisor, and where each child's output goes: the terminal with a
// coloured [name] tag, or one file per child under <datadir>/logs (test profile).
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";

const colour =
  process.env.FORCE_COLOR !== undefined
    ? process.env.FORCE_COLOR !== "0"
    : Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined;

const PALETTE = [36, 33, 35, 32, 34, 91, 96, 93];
const assigned = new Map<string, number>();

function paint(code: number, text: string): string {
  return colour ? `\u001b[${code}m${text}\u001b[0m` : text;
}

function tag(name: string): string {
  let code = assigned.get(name);
  if (code === undefined) {
    code = PALETTE[assigned.size % PALETTE.length] ?? 36;
    assigned.set(name, code);
  }
  return paint(code, `[${name}]`);
}

export function status(message: string): void {
  process.stdout.write(`${paint(1, "[stack]")} ${message}\n`);
}

export function warn(message: string): void {
  process.stdout.write(`${paint(33, "[stack] warning:")} ${message}\n`);
}

export function error(message: string): void {
  process.stderr.write(`${paint(31, "[stack] error:")} ${message}\n`);
}

export type LogMode = "terminal" | "files";
export type Stdio = ["ignore", "pipe" | number, "pipe" | number];

/** Routes children's output. In "files" mode a child writes straight to its own log file. */
export class ChildLogs {
  constructor(
    readonly mode: LogMode,
    private readonly dir: string,
  ) {}

  fileFor(name: string): string {
    return path.join(this.dir, `${name}.log`);
  }

  /** stdio for spawn(); call release() with the same value once the child is spawned. */
  stdioFor(name: string): Stdio {
    if (this.mode === "terminal") return ["ignore", "pipe", "pipe"];
    fs.mkdirSync(this.dir, { recursive: true });
    const fd = fs.openSync(this.fileFor(name), "a");
    return ["ignore", fd, fd];
  }

  release(stdio: Stdio): void {
    if (typeof stdio[1] === "number") fs.closeSync(stdio[1]);
  }

  attach(name: string, child: ChildProcess): void {
    if (this.mode !== "terminal") return;
    const prefix = tag(name);
    const pipe = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream): void => {
      if (!stream) return;
      readline.createInterface({ input: stream }).on("line", (line) => out.write(`${prefix} ${line}\n`));
    };
    pipe(child.stdout, process.stdout);
    pipe(child.stderr, process.stderr);
  }

  /** The last lines a child wrote, to show when it failed (only in "files" mode). */
  tail(name: string, lines = 40): string | undefined {
    if (this.mode === "terminal") return undefined;
    try {
      const text = fs.readFileSync(this.fileFor(name), "utf8").trimEnd();
      return text.split("\n").slice(-lines).join("\n");
    } catch {
      return undefined;
    }
  }
}
