import { describe, expect, it } from "vitest";
import { can, showRoleOf } from "./permissions";

describe("show roles and permissions", () => {
  const show = { hostId: "host" };

  it("derive the role from the show, the account and the stage", () => {
    expect(showRoleOf({ id: "host", role: "USER" }, show)).toBe("host");
    expect(showRoleOf({ id: "host", role: "USER" }, show, true)).toBe("host");
    expect(showRoleOf({ id: "op", role: "OPERATOR" }, show)).toBe("operator");
    expect(showRoleOf({ id: "v", role: "USER" }, show)).toBe("viewer");
    expect(showRoleOf({ id: "v", role: "USER" }, show, true)).toBe("guest");
  });

  it("let only the host run the stage, only viewers join it, only guests publish camera and mic", () => {
    expect(can("host", "stage.manage")).toBe(true);
    for (const role of ["guest", "viewer", "operator"] as const) expect(can(role, "stage.manage")).toBe(false);
    expect(can("viewer", "stage.join")).toBe(true);
    for (const role of ["host", "guest", "operator"] as const) expect(can(role, "stage.join")).toBe(false);
    expect(can("guest", "stage.publish")).toBe(true);
    expect(can("viewer", "stage.publish")).toBe(false);
    expect(can("guest", "show.subscribe")).toBe(true);
    expect(can("guest", "show.publish")).toBe(false);
  });

  it("let guests chat, send hearts and gifts and report like viewers, and be moderated like them", () => {
    for (const permission of ["chat.send", "chat.report", "show.like", "show.gift", "show.report", "chat.moderated"] as const) {
      expect(can("guest", permission)).toBe(can("viewer", permission));
      expect(can("guest", permission)).toBe(true);
    }
  });
});
