// Sets of numbers as sorted, disjoint intervals — the vocabulary for finding gaps and overlaps between
// branch conditions on one numeric field (`amount < 1000` vs `amount >= 1000`).

export type Interval = { min: number; max: number; minInclusive: boolean; maxInclusive: boolean };
/** Sorted, disjoint, non-empty intervals; [] is the empty set. */
export type NumberSet = Interval[];

export const ALL_NUMBERS: NumberSet = [{ min: -Infinity, max: Infinity, minInclusive: false, maxInclusive: false }];

const isEmptyInterval = (i: Interval) => i.min > i.max || (i.min === i.max && !(i.minInclusive && i.maxInclusive));

/** The set of numbers x with `x op value`. */
export function setFor(op: "==" | "!=" | "<" | "<=" | ">" | ">=", value: number): NumberSet {
  const point: NumberSet = [{ min: value, max: value, minInclusive: true, maxInclusive: true }];
  switch (op) {
    case "==":
      return point;
    case "!=":
      return complement(point);
    case "<":
    case "<=":
      return [{ min: -Infinity, max: value, minInclusive: false, maxInclusive: op === "<=" }];
    default:
      return [{ min: value, max: Infinity, minInclusive: op === ">=", maxInclusive: false }];
  }
}

function startsBefore(a: Interval, b: Interval): boolean {
  return a.min < b.min || (a.min === b.min && a.minInclusive && !b.minInclusive);
}

/** Union of any number of sets. */
export function union(...sets: NumberSet[]): NumberSet {
  const all = sets.flat().filter((i) => !isEmptyInterval(i)).sort((a, b) => (startsBefore(a, b) ? -1 : startsBefore(b, a) ? 1 : 0));
  const merged: Interval[] = [];
  for (const next of all) {
    const last = merged[merged.length - 1];
    const touches = last && (next.min < last.max || (next.min === last.max && (last.maxInclusive || next.minInclusive)));
    if (!touches) {
      merged.push({ ...next });
      continue;
    }
    if (next.max > last.max) [last.max, last.maxInclusive] = [next.max, next.maxInclusive];
    else if (next.max === last.max) last.maxInclusive ||= next.maxInclusive;
  }
  return merged;
}

/** Intersection of two sets. */
export function intersect(a: NumberSet, b: NumberSet): NumberSet {
  const pieces: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const [min, minInclusive] = x.min > y.min ? [x.min, x.minInclusive] : y.min > x.min ? [y.min, y.minInclusive] : [x.min, x.minInclusive && y.minInclusive];
      const [max, maxInclusive] = x.max < y.max ? [x.max, x.maxInclusive] : y.max < x.max ? [y.max, y.maxInclusive] : [x.max, x.maxInclusive && y.maxInclusive];
      const piece = { min, max, minInclusive, maxInclusive };
      if (!isEmptyInterval(piece)) pieces.push(piece);
    }
  }
  return union(pieces);
}

/** All numbers not in the set. */
export function complement(set: NumberSet): NumberSet {
  const gaps: Interval[] = [];
  let min = -Infinity;
  let minInclusive = false;
  for (const interval of union(set)) {
    gaps.push({ min, max: interval.min, minInclusive, maxInclusive: !interval.minInclusive && Number.isFinite(interval.min) });
    [min, minInclusive] = [interval.max, !interval.maxInclusive && Number.isFinite(interval.max)];
  }
  gaps.push({ min, max: Infinity, minInclusive, maxInclusive: false });
  return gaps.filter((gap) => !isEmptyInterval(gap) && !(gap.min === Infinity || gap.max === -Infinity));
}

/** Interval notation, e.g. "(-∞, 1000) ∪ [5000, ∞)"; "∅" when empty. */
export function formatNumberSet(set: NumberSet): string {
  if (set.length === 0) return "∅";
  const bound = (n: number) => (n === Infinity ? "∞" : n === -Infinity ? "-∞" : String(n));
  return set
    .map((i) => (i.min === i.max ? `{${bound(i.min)}}` : `${i.minInclusive ? "[" : "("}${bound(i.min)}, ${bound(i.max)}${i.maxInclusive ? "]" : ")"}`))
    .join(" ∪ ");
}
