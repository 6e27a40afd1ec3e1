// Creates an operator account from the command line. The password is read from standard input
// (first line) or, on a terminal, from a prompt that does not echo: never from the command line,
// where other users of the machine and the shell history would see it.
//   printf '%s\n' "$PASSWORD" | npm run admin:create -- --email ops@example.com [--name 'Ops']
//   npm run admin:create -- --email ops@example.com            (prompts for the password)
//   npm run admin:create -- --email someone@example.com --promote   (an existing account)
// Uses DATABASE_URL, or the running dev stack's database (.data/dev/stack.json).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { emailSchema, registerSchema } from "@/lib/auth/schema";

const USAGE = "usage: npm run admin:create -- --email <email> [--name <display name>] [--promote]   (password on stdin or at the prompt)";

function fail(message: string, code = 2): never {
  console.error(`admin:create: ${message}`);
  process.exit(code);
}

function databaseUrlFromDevStack(): string | undefined {
  const file = path.resolve(__dirname, "..", ".data", "dev", "stack.json");
  if (!fs.existsSync(file)) return undefined;
  const info: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  return info && typeof info === "object" && "databaseUrl" in info && typeof info.databaseUrl === "string" ? info.databaseUrl : undefined;
}

async function firstLineOfStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0] ?? "";
}

/** Reads a line from the terminal without echoing it. */
function prompt(question: string): Promise<string> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    let value = "";
    const onData = (data: Buffer) => {
      for (const char of data.toString("utf8")) {
        if (char === "\u0003") {
          process.stderr.write("\n");
          process.exit(130);
        } else if (char === "\r" || char === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stderr.write("\n");
          resolve(value);
          return;
        } else if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return firstLineOfStdin();
  const password = await prompt("Password for the new operator: ");
  if ((await prompt("Same password again: ")) !== password) fail("the two passwords differ");
  return password;
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, promote: { type: "boolean" } } }));
  } catch (error) {
    const hint = process.argv.includes("--password") ? "--password is not accepted: give the password on stdin or at the prompt" : String(error instanceof Error ? error.message : error);
    fail(`${hint}\n${USAGE}`);
  }
  const email = emailSchema.safeParse(values.email ?? "");
  if (!email.success) fail(`email: ${email.error.issues[0]?.message ?? "invalid"}\n${USAGE}`);

  process.env.DATABASE_URL ||= databaseUrlFromDevStack();
  if (!process.env.DATABASE_URL) fail("set DATABASE_URL, or start the dev stack (npm start) first");
  // Imported late: the data layer reads DATABASE_URL when first used.
  const { createOperator, findAccount, promoteToOperator } = await import("@/lib/auth/create-operator");

  const existing = await findAccount(email.data);
  if (existing) {
    if (!values.promote) {
      fail(`an account with ${email.data} already exists. Anyone can register any email: if you know this account is the operator's, run again with --promote`);
    }
    await promoteToOperator(email.data);
    console.log(`admin:create: ${email.data} already existed; now an operator (its password is unchanged)`);
    return;
  }
  const parsed = registerSchema.safeParse({ email: email.data, name: values.name ?? "Operator", password: await readPassword() });
  if (!parsed.success) fail(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n"));
  await createOperator(parsed.data);
  console.log(`admin:create: ${parsed.data.email} created as operator`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("admin:create failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
