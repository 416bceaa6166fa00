// Client address and agent for audit entries and sign-in throttling.
// x-forwarded-for is set by Next's own server; behind another proxy, configure it to overwrite (not
// append to) the header, or the address can be spoofed.

type HeaderSource = { get(name: string): string | null };

export function clientIp(headers: HeaderSource): string | null {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim().slice(0, 64) || null;
  return headers.get("x-real-ip")?.slice(0, 64) ?? null;
}

export function userAgent(headers: HeaderSource): string | null {
  return headers.get("user-agent")?.slice(0, 500) ?? null;
}
