// Bulk paste of value/label lists (form options, dataset items): one entry per line, "value|Label",
// or just "Label" with the value derived from it ("Office Supplies" → "office_supplies"). Blank lines
// are skipped; a value repeated in the paste or already present is reported and dropped, not merged
// silently, so the designer sees what was left out.

export type TPastedEntries = { entries: { value: string; label: string }[]; problems: string[] };

export function parseValueLabelLines(
  text: string,
  options: { noun: string; deriveValue: (label: string) => string; existing?: readonly string[]; maxEntries?: number; maxLength?: number },
): TPastedEntries {
  const { noun, maxLength = 200, maxEntries = Infinity } = options;
  const entries: TPastedEntries["entries"] = [];
  const problems: string[] = [];
  const seen = new Set(options.existing ?? []);
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    const bar = line.indexOf("|");
    const value = (bar >= 0 ? line.slice(0, bar) : options.deriveValue(line)).trim();
    const label = (bar >= 0 ? line.slice(bar + 1) : line).trim() || value;
    if (value === "") return void problems.push(`Line ${index + 1}: ${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun} needs a value before "|"`);
    if (value.length > maxLength || label.length > maxLength) return void problems.push(`Line ${index + 1}: at most ${maxLength} characters`);
    if (seen.has(value)) return void problems.push(`Line ${index + 1}: the value "${value}" is already listed`);
    if (entries.length >= maxEntries) return void problems.push(`Line ${index + 1}: at most ${maxEntries.toLocaleString("en-US")} ${noun}s`);
    seen.add(value);
    entries.push({ value, label });
  });
  return { entries, problems };
}
