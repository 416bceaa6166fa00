"use client";

import { get, useFormContext, useWatch } from "react-hook-form";
import type { TTriggerInput } from "@/lib/triggers/definition";

// Helpers over the editor's react-hook-form state for dynamic paths ("actions.2.config.url"): the
// action configs are a discriminated union, so their paths are built at run time.

/** The first error message at or under a path (array items and record entries included). */
export function firstMessage(node: unknown): string | undefined {
  if (!node || typeof node !== "object") return undefined;
  const message = (node as { message?: unknown }).message;
  if (typeof message === "string" && message) return message;
  for (const [key, child] of Object.entries(node)) {
    if (key === "ref" || key === "type") continue;
    const found = firstMessage(child);
    if (found) return found;
  }
  return undefined;
}

export function useTriggerForm() {
  const form = useFormContext<TTriggerInput>();
  const errorAt = (path: string) => firstMessage(get(form.formState.errors, path));
  const register = (path: string, options?: { setValueAs?: (text: string) => unknown }) => form.register(path as never, options as never);
  const set = (path: string, value: unknown) => form.setValue(path as never, value as never, { shouldDirty: true });
  return { form, errorAt, register, set };
}

/** The live value at a dynamic path. */
export function useValueAt<T>(path: string): T {
  const { control } = useFormContext<TTriggerInput>();
  return useWatch({ control, name: path as never }) as T;
}

/** Ids for an input and its error message, from the form path. */
export const idFor = (path: string) => `trigger-${path.replace(/\./g, "-")}`;
