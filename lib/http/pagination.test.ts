import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseId, parsePageQuery, toPage } from "@/lib/http/pagination";

describe("parsePageQuery", () => {
  it("defaults to 50 and accepts a uuid cursor", () => {
    expect(parsePageQuery("http://x/api?")).toEqual({ limit: 50 });
    const cursor = "3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e";
    expect(parsePageQuery(`http://x/api?limit=10&cursor=${cursor}`)).toEqual({ limit: 10, cursor });
  });
  it("refuses out-of-range limits and junk cursors with field errors", () => {
    for (const query of ["limit=0", "limit=201", "limit=abc", "cursor=1%27%20OR%201=1"]) {
      try {
        parsePageQuery(`http://x/api?${query}`);
        expect.unreachable(query);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).status).toBe(422);
      }
    }
  });
});

describe("toPage", () => {
  it("returns a cursor only when there is more", () => {
    const rows = [{ id: "a" }, { id: "b" }, { id: "c" }];
    expect(toPage(rows, 2)).toEqual({ data: [{ id: "a" }, { id: "b" }], nextCursor: "b" });
    expect(toPage(rows, 3)).toEqual({ data: rows, nextCursor: null });
  });
});

describe("parseId", () => {
  it("treats a non-uuid as not found", () => {
    expect(() => parseId("../../etc/passwd", "Flow")).toThrowError("Flow not found.");
  });
});
