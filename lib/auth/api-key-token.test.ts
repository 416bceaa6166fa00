import { describe, expect, it } from "vitest";
import { bearerApiKey, generateApiKeyToken, hashApiKeyToken } from "@/lib/auth/api-key-token";

describe("API key tokens", () => {
  it("generate unique tokens whose hash is stable", () => {
    const a = generateApiKeyToken();
    const b = generateApiKeyToken();
    expect(a.token).not.toBe(b.token);
    expect(a.token.startsWith(`fr_${a.prefix}_`)).toBe(true);
    expect(hashApiKeyToken(a.token)).toBe(a.hash);
    expect(a.hash).not.toContain(a.token);
  });
  it("are read only from a well-formed bearer header", () => {
    const { token } = generateApiKeyToken();
    expect(bearerApiKey(`Bearer ${token}`)).toBe(token);
    expect(bearerApiKey(`Basic ${token}`)).toBeNull();
    expect(bearerApiKey("Bearer fr_short_x")).toBeNull();
    expect(bearerApiKey(null)).toBeNull();
  });
});
