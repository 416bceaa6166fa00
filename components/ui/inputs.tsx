import { forwardRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

// Form primitives wired for accessibility: a label, the control, and its error announced.

const CONTROL = "block w-full rounded-md border px-3 py-2 text-sm shadow-sm focus:border-brand focus:outline-none focus:ring-1 focus:ring-brand disabled:bg-slate-50";

export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !error ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type ErrorProps = { invalid?: boolean; errorId?: string };

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & ErrorProps>(function Input({ invalid, errorId, className, ...props }, ref) {
  return <input ref={ref} aria-invalid={invalid || undefined} aria-describedby={invalid ? errorId : undefined} className={cn(CONTROL, invalid ? "border-red-500" : "border-slate-300", className)} {...props} />;
});

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement> & ErrorProps>(function Textarea({ invalid, errorId, className, ...props }, ref) {
  return <textarea ref={ref} aria-invalid={invalid || undefined} aria-describedby={invalid ? errorId : undefined} className={cn(CONTROL, invalid ? "border-red-500" : "border-slate-300", className)} {...props} />;
});

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & ErrorProps>(function Select({ invalid, errorId, className, ...props }, ref) {
  return <select ref={ref} aria-invalid={invalid || undefined} aria-describedby={invalid ? errorId : undefined} className={cn(CONTROL, "bg-white", invalid ? "border-red-500" : "border-slate-300", className)} {...props} />;
});

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </div>
  );
}
