import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { managerLoop } from "@/lib/org/users/manager-chain";

const chain = (pairs: [string, string | null][]) => new Map(pairs);

describe("managerLoop", () => {
  it("allows no manager and an unrelated manager", () => {
    const managers = chain([["a", null], ["b", "c"], ["c", null]]);
    expect(managerLoop(managers, "a", null)).toBeNull();
    expect(managerLoop(managers, "a", "b")).toBeNull();
  });

  it("refuses being one's own manager", () => {
    expect(managerLoop(chain([["a", null]]), "a", "a")).toEqual(["a"]);
  });

  it("refuses A manages B manages A", () => {
    expect(managerLoop(chain([["a", null], ["b", "a"]]), "a", "b")).toEqual(["b", "a"]);
  });

  it("refuses longer loops and names the path", () => {
    const managers = chain([["a", null], ["d", "c"], ["c", "b"], ["b", "a"]]);
    expect(managerLoop(managers, "a", "d")).toEqual(["d", "c", "b", "a"]);
  });

  it("stops on a loop that already exists elsewhere in the data", () => {
    const managers = chain([["x", "y"], ["y", "x"], ["a", null]]);
    expect(managerLoop(managers, "a", "x")).toBeNull();
  });

  it("never lets an accepted change create a loop (property)", () => {
    const ids = ["a", "b", "c", "d", "e", "f"];
    const change = fc.tuple(fc.constantFrom(...ids), fc.option(fc.constantFrom(...ids), { nil: null }));
    fc.assert(
      fc.property(fc.array(change, { maxLength: 30 }), (changes) => {
        const managers = new Map<string, string | null>(ids.map((id) => [id, null]));
        for (const [user, manager] of changes) if (!managerLoop(managers, user, manager)) managers.set(user, manager);
        // Following managers from anyone always ends at the top within |ids| steps.
        for (const start of ids) {
          let current = managers.get(start) ?? null;
          for (let steps = 0; current; steps++) {
            expect(steps).toBeLessThan(ids.length);
            current = managers.get(current) ?? null;
          }
        }
      }),
    );
  });
});
