import { NextResponse, type NextRequest } from "next/server";

// Only redirects: keeps signed-out visitors out of app pages and answers API calls without a session
// cookie with 401 problem JSON. It is not a guard — every page, action and route handler authorises
// itself through lib/auth/guard.ts (middleware has been bypassed before, e.g. CVE-2025-29927).

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PUBLIC_PATHS = ["/sign-in", "/api/auth", "/api/health", "/api/hooks", "/invitations", "/reset-password"];

function hasSessionCookie(request: NextRequest): boolean {
  return SESSION_COOKIES.some((name) => request.cookies.has(name) || request.cookies.getAll().some((cookie) => cookie.name.startsWith(`${name}.`)));
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`))) return NextResponse.next();
  if (hasSessionCookie(request)) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    // API keys authenticate in the route handlers themselves.
    if (request.headers.get("authorization")) return NextResponse.next();
    return NextResponse.json(
      { type: "https://flowright.dev/problems/401", title: "Authentication required", status: 401, detail: "Sign in or send an API key.", instance: pathname },
      { status: 401, headers: { "content-type": "application/problem+json" } },
    );
  }
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("next", pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
