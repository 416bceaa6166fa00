"use client";

import { forwardRef } from "react";
import { domId, type TErrorItem } from "./values";

// Shown (and focused) when a submit fails: one line per problem, each a link that moves focus to
// the field, so keyboard and screen-reader users can reach every error from one place.

type Props = { items: TErrorItem[]; formMessages: string[]; labelOf: (path: string) => string };

export const ErrorSummary = forwardRef<HTMLDivElement, Props>(function ErrorSummary({ items, formMessages, labelOf }, ref) {
  const count = items.length + formMessages.length;
  if (count === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="form-error-summary-title" className="rounded-md border-2 border-red-600 bg-red-50 p-4 focus:outline-none focus:ring-2 focus:ring-red-600">
      <h2 id="form-error-summary-title" className="text-base font-semibold text-red-800">
        {count === 1 ? "There is a problem" : `There are ${count} problems`}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-red-800">
        {formMessages.map((message) => (
          <li key={`form-${message}`}>{message}</li>
        ))}
        {items.map((item) => (
          <li key={`${item.path}-${item.message}`}>
            <a
              href={`#${domId(item.path)}`}
              className="underline hover:no-underline"
              onClick={(event) => {
                event.preventDefault();
                const target = document.getElementById(domId(item.path));
                target?.focus();
                target?.scrollIntoView({ block: "center" });
              }}
            >
              {labelOf(item.path)}: {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});
