import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP } from "node:net";

// Outbound HTTP for user-configured URLs (trigger webhooks). SSRF protection: every address the host
// name resolves to is checked at connect time (inside the socket's DNS lookup, so a DNS answer cannot
// change between the check and the connection), and private, loopback, link-local, multicast and
// reserved ranges are refused unless explicitly allowed (tests; installs that mean it).

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96]] as const) blocked.addSubnet(network, prefix, "ipv6");

export function isBlockedAddress(address: string): boolean {
  // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 address it carries. (A
  // ::ffff:0:0/96 rule would not do: BlockList matches every IPv4 address against it.)
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isBlockedAddress(mapped[1]!);
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (mappedHex) {
    const [high, low] = [parseInt(mappedHex[1]!, 16), parseInt(mappedHex[2]!, 16)];
    return isBlockedAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

export class OutboundRefused extends Error {}

export type OutboundResponse = { status: number; headers: http.IncomingHttpHeaders; body: string; durationMs: number };

const MAX_RESPONSE_BYTES = 64 * 1024;

/** Sends one request; the response body is read up to 64 kB (kept for the execution log). */
export function sendOutbound(
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; timeoutMs: number; allowPrivate: boolean },
): Promise<OutboundResponse> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : target.protocol === "http:" ? http : null;
  if (!client) return Promise.reject(new OutboundRefused("Only http and https URLs can be called"));
  const started = performance.now();
  const lookup = (hostname: string, options: object, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      const refused = !init.allowPrivate && list.find((entry) => isBlockedAddress(entry.address));
      if (refused) return callback(new OutboundRefused(`${hostname} resolves to ${refused.address}, a private or reserved address; calls there are not allowed`), []);
      const wantsAll = (options as { all?: boolean }).all;
      if (wantsAll) callback(null, list);
      else callback(null, list[0]!.address, list[0]!.family);
    });
  };
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      { method: init.method, headers: { "content-length": Buffer.byteLength(init.body), ...init.headers }, lookup: lookup as never, timeout: init.timeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < MAX_RESPONSE_BYTES) chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
          size += chunk.length;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8"), durationMs: Math.round(performance.now() - started) }));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`No answer within ${init.timeoutMs} ms`)));
    request.on("error", reject);
    // An IP literal never goes through lookup: check it here.
    if (isIP(target.hostname.replace(/^\[|\]$/g, "")) && !init.allowPrivate && isBlockedAddress(target.hostname.replace(/^\[|\]$/g, ""))) {
      request.destroy(new OutboundRefused(`${target.hostname} is a private or reserved address; calls there are not allowed`));
      return;
    }
    request.end(init.body);
  });
}
