import { describe, expect, it } from "vitest";
import { ROOM_LIST_URL, roomListRoute } from "@/lib/http/room-list-urls";

describe("roomListRoute", () => {
  it("maps the home page and its JSON onto page 1", () => {
    expect(roomListRoute("/")).toBe("/live/1");
    expect(roomListRoute("/api/shows")).toBe("/api/shows/page/1");
  });

  it("takes a plain page number from the query, and keeps the query", () => {
    expect(roomListRoute("/?page=2")).toBe("/live/2?page=2");
    expect(roomListRoute("/api/shows?page=17")).toBe("/api/shows/page/17?page=17");
    expect(roomListRoute("/?_rsc=ab12&page=3")).toBe("/live/3?_rsc=ab12&page=3");
  });

  it("shows page 1 for anything that is not a plain page number", () => {
    for (const page of ["0", "01", "-1", "abc", "1.5", "123456", "", "../x"]) {
      expect(roomListRoute(`/?page=${encodeURIComponent(page)}`)).toMatch(/^\/live\/1\?/);
    }
  });

  it("leaves every other URL alone", () => {
    for (const url of ["/live/2", "/api/shows/page/2", "/shows/10001", "/api/showsx", "//", "/api/health", "/login?callbackUrl=/"]) {
      expect(roomListRoute(url)).toBeNull();
    }
  });
});

describe("ROOM_LIST_URL", () => {
  it("is the list's public URLs only (what the shared cache keeps)", () => {
    for (const url of ["/", "/?page=2", "/api/shows", "/api/shows?page=10"]) expect(ROOM_LIST_URL.test(url)).toBe(true);
    for (const url of ["/?_rsc=1", "/?page=2&x=1", "/live/1", "/api/shows/page/1"]) expect(ROOM_LIST_URL.test(url)).toBe(false);
  });
});
