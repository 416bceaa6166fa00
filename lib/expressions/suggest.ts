// "Did you mean …?" for misspelt field, function and option names.

// Optimal-string-alignment distance: Levenshtein plus adjacent transpositions ("amuont" → "amount").
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, previous2[j - 2] + 1);
      current.push(best);
    }
    [previous2, previous] = [previous, current];
  }
  return previous[b.length];
}

/** The closest candidate to `name`, if one is close enough to be a plausible typo. */
export function suggest(name: string, candidates: Iterable<string>): string | null {
  const lower = name.toLowerCase();
  const cap = Math.max(1, Math.floor(name.length / 3));
  let best: string | null = null;
  let bestDistance = cap + 1;
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === lower) return candidate;
    const distance = editDistance(lower, candidate.toLowerCase(), cap);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}
