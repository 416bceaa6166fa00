import { describe, expect, it } from "vitest";
import { createLinkToken, hashLinkToken, isLinkToken } from "@/lib/org/users/tokens";

describe("link tokens", () => {
  it("are 32 random bytes in base64url, stored as their sha256", () => {
    const { token, tokenHash } = createLinkToken();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(isLinkToken(token)).toBe(true);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).toBe(hashLinkToken(token));
    expect(tokenHash).not.toContain(token);
    expect(createLinkToken().token).not.toBe(token);
  });

  it("refuses anything that is not shaped like one", () => {
    expect(isLinkToken("")).toBe(false);
    expect(isLinkToken("a".repeat(42))).toBe(false);
    expect(isLinkToken(`${"a".repeat(42)}/`)).toBe(false);
  });
});
