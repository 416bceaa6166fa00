"use client";

// A multi-select of company roles as check boxes in a fieldset, controlled (value + onChange) so that
// one role or none still gives an array — react-hook-form's native handling turns a single box into a boolean.

type Props = {
  legend: string;
  roles: { id: string; name: string }[];
  value: string[];
  onChange: (value: string[]) => void;
  disabled?: boolean;
  error?: string;
};

export function RoleCheckboxes({ legend, roles, value, onChange, disabled, error }: Props) {
  const toggle = (roleId: string, checked: boolean) => onChange(checked ? [...value, roleId] : value.filter((item) => item !== roleId));
  return (
    <fieldset className="space-y-1.5">
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      {roles.length === 0 ? (
        <p className="text-sm text-slate-500">The company has no roles yet.</p>
      ) : (
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {roles.map((role) => (
            <label key={role.id} className="inline-flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                className="h-4 w-4 rounded border-slate-300 accent-[var(--brand)]"
                checked={value.includes(role.id)}
                disabled={disabled}
                onChange={(event) => toggle(role.id, event.target.checked)}
              />
              {role.name}
            </label>
          ))}
        </div>
      )}
      {error ? <p className="text-sm text-red-600">{error}</p> : null}
    </fieldset>
  );
}
