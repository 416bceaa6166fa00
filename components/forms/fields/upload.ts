import type { TFileSummary } from "@/components/forms/renderer/types";

// Uploads to POST /api/v1/files; the server sniffs the type and enforces the size, this only
// reports its verdict in words a person can act on.

export type TUploaded = TFileSummary & { id: string };

export async function uploadFiles(files: readonly (File | Blob)[], maxSizeMb?: number): Promise<{ ok: true; files: TUploaded[] } | { ok: false; error: string }> {
  const body = new FormData();
  files.forEach((file, index) => body.append("file", file, file instanceof File ? file.name : `signature-${index}.png`));
  const query = maxSizeMb ? `?maxSizeMb=${encodeURIComponent(String(Math.min(maxSizeMb, 25)))}` : "";
  try {
    const response = await fetch(`/api/v1/files${query}`, { method: "POST", body });
    const json = await response.json().catch(() => null);
    if (response.ok && Array.isArray(json)) return { ok: true, files: json as TUploaded[] };
    const problem = json as { detail?: string; errors?: Record<string, string[]> } | null;
    const first = problem?.errors ? Object.values(problem.errors)[0]?.[0] : undefined;
    return { ok: false, error: first ?? problem?.detail ?? (response.status === 413 ? "The file is too large." : "The upload failed.") };
  } catch {
    return { ok: false, error: "Could not reach the server. Check your connection and try again." };
  }
}
