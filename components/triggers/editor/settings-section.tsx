"use client";

import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/inputs";
import { useTriggerForm, useValueAt } from "./form-helpers";

const number = (text: string) => (text === "" ? undefined : Number(text));

/** Stop on failure, rate limit and quiet hours. */
export function SettingsSection() {
  const { errorAt, register, set } = useTriggerForm();
  const quiet = useValueAt<{ start: string; end: string; timeZone: string } | undefined>("settings.quietHours");
  return (
    <Card className="space-y-4 p-5">
      <h2 className="text-base font-semibold text-slate-900">Settings</h2>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...register("settings.stopOnFailure")} />
        Stop at the first failed action (otherwise the rest still run)
      </label>
      <div className="max-w-xs">
        <Field id="trigger-settings-rateLimitPerMinute" label="At most … runs per minute (optional)" error={errorAt("settings.rateLimitPerMinute")} hint="More are recorded as skipped.">
          <Input id="trigger-settings-rateLimitPerMinute" type="number" inputMode="numeric" min={1} invalid={!!errorAt("settings.rateLimitPerMinute")} errorId="trigger-settings-rateLimitPerMinute-error" {...register("settings.rateLimitPerMinute", { setValueAs: number })} />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={Boolean(quiet)} onChange={(event) => set("settings.quietHours", event.target.checked ? { start: "22:00", end: "07:00", timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC" } : undefined)} />
        Quiet hours: actions wait until they end
      </label>
      {quiet ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field id="trigger-settings-quietHours-start" label="From" error={errorAt("settings.quietHours.start")}>
            <Input id="trigger-settings-quietHours-start" type="time" invalid={!!errorAt("settings.quietHours.start")} errorId="trigger-settings-quietHours-start-error" {...register("settings.quietHours.start")} />
          </Field>
          <Field id="trigger-settings-quietHours-end" label="Until" error={errorAt("settings.quietHours.end")}>
            <Input id="trigger-settings-quietHours-end" type="time" invalid={!!errorAt("settings.quietHours.end")} errorId="trigger-settings-quietHours-end-error" {...register("settings.quietHours.end")} />
          </Field>
          <Field id="trigger-settings-quietHours-timeZone" label="Time zone" error={errorAt("settings.quietHours.timeZone")}>
            <Input id="trigger-settings-quietHours-timeZone" list="trigger-time-zones" {...register("settings.quietHours.timeZone")} />
          </Field>
        </div>
      ) : null}
    </Card>
  );
}
