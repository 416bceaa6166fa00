"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { companyAction } from "@/lib/action";
import { isAppError } from "@/lib/errors";
import { listOptionSources } from "./option-sources";
import { ZCreateDataset, ZDatasetStatusChange, ZUpdateDataset } from "./schema";
import { createDataset, setDatasetStatus, updateDataset } from "./service";

// Server-action adapters over lib/datasets/service.ts: parse → authorise → call the service → revalidate.

const revalidateDataset = (id?: string) => {
  revalidatePath("/datasets");
  if (id) revalidatePath(`/datasets/${id}`);
};

export const createDatasetAction = companyAction({ schema: ZCreateDataset, permission: "datasets.create" }, async ({ input, ctx }) => {
  const dataset = await createDataset(ctx, input);
  revalidateDataset();
  return { id: dataset.id };
});

/** A save over someone else's newer save comes back as `conflict`, so the editor can offer a reload. */
export const updateDatasetAction = companyAction({ schema: ZUpdateDataset, permission: "datasets.update" }, async ({ input, ctx }) => {
  try {
    const saved = await updateDataset(ctx, input);
    revalidateDataset(saved.id);
    return { status: "saved" as const, updatedAt: saved.updatedAt.toISOString() };
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT" && error.message.startsWith("Someone else")) return { status: "conflict" as const, message: error.message };
    throw error;
  }
});

/** Every status change (publish, archive, back to draft) needs datasets.publish, as in the REST API. */
export const setDatasetStatusAction = companyAction({ schema: ZDatasetStatusChange, permission: "datasets.publish" }, async ({ input, ctx }) => {
  const saved = await setDatasetStatus(ctx, input);
  revalidateDataset(saved.id);
  return saved;
});

/** The datasets and table columns a form designer may take a choice field's options from. */
export const listOptionSourcesAction = companyAction({ schema: z.object({}), permission: "tasks.update" }, async ({ principal }) => listOptionSources(principal));
