import type { Config } from "tailwindcss";

// Tailwind v4 is configured mostly in CSS (app/globals.css loads this file through @config).
// Brand colours come from the company's settings at run time, as CSS variables.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: "var(--brand)",
        "brand-dark": "var(--brand-dark)",
      },
    },
  },
};

export default config;
