import { describe, expect, it } from "vitest";
import { isBlockedAddress } from "./outbound";

describe("isBlockedAddress (SSRF guard)", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:a00:1", "224.0.0.1", "not-an-ip"])("refuses %s", (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "172.32.0.1", "::ffff:808:808"])("allows %s", (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });
});
