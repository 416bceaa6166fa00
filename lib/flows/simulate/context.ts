// The simulation context of a definition from the forms its levels fill: the same field types the
// runner hands the engine (every form of the flow, in level order), which keys each level submits,
// and the fields' labels. Built from the editor's options in the browser and from the database at
// publish, so both simulate alike.
import type { TypeEnv } from "@/lib/expressions/types";
import type { TFlowDefinition } from "@/lib/flows/definition";
import { levelsByOrder } from "@/lib/flows/engine/graph";
import type { SimulationContext } from "./types";

export type SimForm = { fields: TypeEnv; labels?: Readonly<Record<string, string>> };

// A repeating group's columns are typed as "group.sub"; the value submitted is the group itself.
const topKey = (path: string) => path.split(".")[0];

/** The context to simulate `definition` with, given its forms by task version id. */
export function simulationContextFor(definition: TFlowDefinition, forms: ReadonlyMap<string, SimForm>, at?: string): SimulationContext {
  const fieldTypes: Record<string, TypeEnv[string]> = {};
  const levelFields: Record<string, string[]> = {};
  const labels: Record<string, string> = {};
  for (const level of levelsByOrder(definition)) {
    const keys = new Set<string>();
    for (const id of level.taskVersionIds) {
      const form = forms.get(id);
      if (!form) continue;
      Object.assign(fieldTypes, form.fields);
      Object.assign(labels, form.labels ?? {});
      for (const path of Object.keys(form.fields)) keys.add(topKey(path));
    }
    levelFields[level.id] = [...keys];
  }
  return { fieldTypes, levelFields, labels, ...(at ? { at } : {}) };
}
