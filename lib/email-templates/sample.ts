// Sample data for a template's preview: each variable it uses gets a placeholder value, nested paths
// become nested objects ("order.id" → { order: { id: "order.id" } }), so the preview shows where every
// value lands before real data is typed. Client-safe and pure.

export function sampleFor(variables: readonly string[], existing: Record<string, unknown> = {}): Record<string, unknown> {
  const sample: Record<string, unknown> = structuredClone(existing);
  for (const variable of variables) {
    const parts = variable.split(".");
    let node: Record<string, unknown> = sample;
    for (const [index, part] of parts.entries()) {
      const last = index === parts.length - 1;
      const current = Object.hasOwn(node, part) ? node[part] : undefined;
      if (last) {
        if (current === undefined) node[part] = variable;
      } else {
        // A scalar already at a prefix wins: the sample keeps what the user typed.
        if (current !== undefined && (current === null || typeof current !== "object" || Array.isArray(current))) break;
        if (current === undefined) node[part] = {};
        node = node[part] as Record<string, unknown>;
      }
    }
  }
  return sample;
}

export type TParsedSample = { ok: true; data: Record<string, unknown> } | { ok: false; message: string };

/** The sample JSON typed in the preview, as an object, or why it is not one. */
export function parseSample(text: string): TParsedSample {
  if (text.trim() === "") return { ok: true, data: {} };
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== "object" || Array.isArray(value)) return { ok: false, message: "The sample must be a JSON object, e.g. {\"amount\": 12000}" };
    return { ok: true, data: value as Record<string, unknown> };
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${(error as Error).message}` };
  }
}
