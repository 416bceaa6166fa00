"use server";

import { revalidatePath } from "next/cache";
import { companyAction } from "@/lib/action";
import { ZCreateApiKey, ZRevokeApiKey } from "@/lib/org/api-keys/schema";
import { createApiKey, revokeApiKey } from "@/lib/org/api-keys/service";

export const createApiKeyAction = companyAction({ schema: ZCreateApiKey, permission: "integrations.create" }, async ({ input, ctx }) => {
  const key = await createApiKey(ctx, input);
  revalidatePath("/settings/api-keys");
  return { id: key.id, token: key.token, name: key.name };
});

export const revokeApiKeyAction = companyAction({ schema: ZRevokeApiKey, permission: "integrations.delete" }, async ({ input, ctx }) => {
  await revokeApiKey(ctx, input);
  revalidatePath("/settings/api-keys");
  return null;
});
