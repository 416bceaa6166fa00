import { describe, expect, it } from "vitest";
import { isCommonPassword, ZNewPassword } from "@/lib/org/users/password-policy";

function problem(password: string): string | undefined {
  const parsed = ZNewPassword.safeParse(password);
  return parsed.success ? undefined : parsed.error.issues[0]!.message;
}

describe("password policy", () => {
  it("accepts 8 to 128 characters of anything, without composition rules", () => {
    expect(problem("tramline")).toBeUndefined();
    expect(problem("correct horse battery staple")).toBeUndefined();
    expect(problem("ÄÖÜ ünïcødé ☃☃")).toBeUndefined();
    expect(problem("x".repeat(127) + "y")).toBeUndefined();
  });

  it("refuses too short and too long passwords", () => {
    expect(problem("short1!")).toBe("Use at least 8 characters");
    expect(problem("")).toBe("Use at least 8 characters");
    expect(problem("y".repeat(129))).toBe("Use at most 128 characters");
  });

  it("refuses the most common passwords, whatever their case", () => {
    for (const common of ["password", "12345678", "qwertyui", "PassWord1", "iloveyou", "1q2w3e4r"]) {
      expect(isCommonPassword(common)).toBe(true);
      expect(problem(common)).toBe("This password is too common; choose another one");
    }
    expect(isCommonPassword("password-for-flowright-ops")).toBe(false);
  });
});
