import { describe, expect, it } from "vitest";
import { ZCreateTable } from "./schema";

describe("ZCreateTable", () => {
  it("refuses the key 'new', which the create page's URL already takes", () => {
    const result = ZCreateTable.safeParse({ name: "new", displayName: "New" });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["name", "This key is reserved; choose another"]]);
    expect(ZCreateTable.safeParse({ name: "news", displayName: "News" }).success).toBe(true);
  });
});
