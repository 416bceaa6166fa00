// The browser's GET of our own JSON API for react-query: same-origin cookies, and a problem-JSON
// answer turned into an Error carrying its `detail`, so a query's error reads like the API's.

/** Fetches JSON from `/api/v1/…`; throws with the problem's detail on any non-2xx answer. */
export async function fetchJson<T>(url: string, init?: { signal?: AbortSignal }): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" }, credentials: "same-origin", signal: init?.signal });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { detail?: string; title?: string } | null;
    throw new Error(problem?.detail ?? problem?.title ?? `The server answered ${response.status}.`);
  }
  return (await response.json()) as T;
}
