import { describe, expect, it } from "vitest";
import { chatSyncSchema, chatTextSchema, sendChatSchema } from "./schema";

const message = (text: unknown) => chatTextSchema.safeParse(text);
const error = (text: unknown) => message(text).error?.issues[0]?.message;

describe("chat text", () => {
  it("trims and keeps ordinary text, emoji and other scripts", () => {
    expect(message("  hello 👋 随心播  ").data).toBe("hello 👋 随心播");
    expect(message("👨‍👩‍👧").data).toBe("👨‍👩‍👧");
  });

  it("strips control characters and bidi overrides, turning line breaks into spaces", () => {
    expect(message("a\u0000b\u0007c\u202Ed\u200B").data).toBe("abcd");
    expect(message("one\ntwo\r\nthree").data).toBe("one two three");
  });

  it("refuses empty, whitespace-only and control-only messages", () => {
    expect(error("")).toBe("Type a message first");
    expect(error("   \n\t ")).toBe("Type a message first");
    expect(error("\u0000\u0007\u001b")).toBe("That message has no visible text");
  });

  it("counts characters, not UTF-16 units, up to 200", () => {
    expect(message("😀".repeat(200)).success).toBe(true);
    expect(error("x".repeat(201))).toBe("Messages can be at most 200 characters");
    expect(error("x".repeat(5000))).toBe("Messages can be at most 200 characters");
    expect(message(` ${"x".repeat(200)} `).success).toBe(true);
  });

  it("refuses anything but a string", () => {
    for (const bad of [42, null, undefined, ["hi"], { text: "hi" }]) expect(error(bad)).toBe("A message must be text");
  });
});

describe("send and sync input", () => {
  it("needs a real room and takes an optional tag", () => {
    expect(sendChatSchema.safeParse({ roomNumber: 10001, text: "hi", nonce: "abcDEF12-_" }).success).toBe(true);
    expect(sendChatSchema.safeParse({ roomNumber: 10001, text: "hi", nonce: "<script>" }).success).toBe(false);
    expect(sendChatSchema.safeParse({ roomNumber: 1, text: "hi" }).success).toBe(false);
  });

  it("syncs after a sequence number or from nothing", () => {
    expect(chatSyncSchema.parse({ roomNumber: 10001, afterSeq: null })).toEqual({ roomNumber: 10001, afterSeq: null });
    expect(chatSyncSchema.parse({ roomNumber: 10001, afterSeq: 0 }).afterSeq).toBe(0);
    expect(chatSyncSchema.safeParse({ roomNumber: 10001, afterSeq: -1 }).success).toBe(false);
    expect(chatSyncSchema.safeParse({ roomNumber: 10001, afterSeq: "5" }).success).toBe(false);
  });
});
