// Company colours reach the page as CSS variables; only well-formed hex colours are let through so a
// stored value can never inject CSS.
const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

export function safeColour(value: string | null | undefined, fallback: string): string {
  return value && HEX_COLOUR.test(value) ? value : fallback;
}

/** Initials for a logo placeholder: "Acme Corporation" → "AC". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return (words.slice(0, 2).map((word) => word[0]!.toUpperCase()).join("") || "?").slice(0, 2);
}
