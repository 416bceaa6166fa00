import { describe, expect, it } from "vitest";
import { isBlockedAddress, OutboundRefused, sendOutbound } from "./outbound";

describe("isBlockedAddress (SSRF guard)", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:a00:1", "224.0.0.1", "not-an-ip"])("refuses %s", (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "172.32.0.1", "::ffff:808:808"])("allows %s", (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });
});

describe("sendOutbound refuses private targets unless allowed", () => {
  const receiver = async () => {
    const { createServer } = await import("node:http");
    const server = createServer((_request, response) => response.end("reached"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { server, port: (server.address() as { port: number }).port };
  };
  const call = (url: string, allowPrivate: boolean) => sendOutbound(url, { method: "POST", headers: {}, body: "{}", timeoutMs: 2_000, allowPrivate });

  it.each(["http://127.0.0.1:PORT/hook", "http://localhost:PORT/hook", "http://[::ffff:127.0.0.1]:PORT/hook"])("refuses %s, names the address, and sends nothing", async (template) => {
    const { server, port } = await receiver();
    let reached = 0;
    server.on("request", () => (reached += 1));
    try {
      await expect(call(template.replace("PORT", String(port)), false)).rejects.toBeInstanceOf(OutboundRefused);
      expect(reached).toBe(0);
    } finally {
      server.close();
    }
  });

  it("calls a loopback receiver when private targets are allowed", async () => {
    const { server, port } = await receiver();
    try {
      await expect(call(`http://127.0.0.1:${port}/hook`, true)).resolves.toMatchObject({ status: 200, body: "reached" });
    } finally {
      server.close();
    }
  });
});
