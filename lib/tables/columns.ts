// The column model of a custom table: one zod object per column type, joined on `type`. Shapes only;
// invariants across columns (unique keys, formulas that type-check, relation targets) live in
// schema-checks.ts. Keys are the stable identity of a column (values, filters, formulas and the API
// use them); labels can change freely.
import { z } from "zod";
import { RESERVED_KEYS } from "@/lib/forms/field-types";

export const COLUMN_KEY = /^[a-z][a-z0-9_]{0,39}$/;
export const MAX_COLUMNS = 100;
export const MAX_SELECT_OPTIONS = 500;
export const TEXT_LIMITS = { text: 1_000, long_text: 100_000, email: 254, url: 2_048, phone: 40 } as const;

export const ZColumnKey = z
  .string()
  .regex(COLUMN_KEY, "A key starts with a lower-case letter and has only a–z, 0–9 and _ (at most 40 characters)")
  .refine((key) => !RESERVED_KEYS.has(key), { message: "This key is reserved; choose another" });

const ZLabel = z.string().trim().min(1, "A column needs a name").max(120, "At most 120 characters");
const ZFinite = z.number().refine(Number.isFinite, "Must be a finite number");
const ZColour = z.enum(["gray", "red", "orange", "amber", "green", "teal", "blue", "indigo", "purple", "pink"]);

export const ZSelectOption = z.strictObject({
  value: z.string().trim().min(1, "An option needs a value").max(120, "At most 120 characters"),
  color: ZColour.default("gray"),
});

const base = {
  key: ZColumnKey,
  label: ZLabel,
  description: z.string().max(1_000).optional(),
  hidden: z.boolean().default(false),
  /** Off for columns nobody filters or sorts by: every index costs writes (and imports). */
  indexed: z.boolean().default(true),
};
const valueRules = { required: z.boolean().default(false), unique: z.boolean().default(false) };
const textRules = {
  minLength: z.int().min(0).max(100_000).optional(),
  maxLength: z.int().min(1).max(100_000).optional(),
  pattern: z.string().max(500).optional(),
  patternMessage: z.string().max(200).optional(),
};
const numberRules = { min: ZFinite.optional(), max: ZFinite.optional() };

export const ZColumn = z.discriminatedUnion("type", [
  z.strictObject({ ...base, ...valueRules, ...textRules, type: z.literal("text"), default: z.string().optional() }),
  z.strictObject({ ...base, ...valueRules, ...textRules, type: z.literal("long_text"), default: z.string().optional() }),
  z.strictObject({ ...base, ...valueRules, type: z.literal("email"), default: z.string().optional() }),
  z.strictObject({ ...base, ...valueRules, type: z.literal("url"), default: z.string().optional() }),
  z.strictObject({ ...base, ...valueRules, type: z.literal("phone"), default: z.string().optional() }),
  z.strictObject({ ...base, ...valueRules, ...numberRules, type: z.literal("number"), default: ZFinite.optional() }),
  z.strictObject({ ...base, ...valueRules, ...numberRules, type: z.literal("decimal"), scale: z.int().min(0).max(10).default(2), default: ZFinite.optional() }),
  z.strictObject({ ...base, ...valueRules, ...numberRules, type: z.literal("currency"), currency: z.string().regex(/^[A-Z]{3}$/, "Use an ISO currency code such as EUR").default("EUR"), default: ZFinite.optional() }),
  z.strictObject({ ...base, type: z.literal("boolean"), required: z.literal(false).default(false), unique: z.literal(false).default(false), default: z.boolean().optional() }),
  z.strictObject({ ...base, ...valueRules, type: z.literal("date"), min: z.iso.date().optional(), max: z.iso.date().optional(), default: z.iso.date().optional() }),
  z.strictObject({ ...base, ...valueRules, type: z.literal("datetime"), default: z.iso.datetime({ offset: true }).optional() }),
  z.strictObject({ ...base, ...valueRules, type: z.literal("single_select"), options: z.array(ZSelectOption).min(1, "Add at least one option").max(MAX_SELECT_OPTIONS), default: z.string().optional() }),
  z.strictObject({ ...base, required: z.boolean().default(false), unique: z.literal(false).default(false), type: z.literal("multi_select"), options: z.array(ZSelectOption).min(1, "Add at least one option").max(MAX_SELECT_OPTIONS), default: z.array(z.string()).optional() }),
  z.strictObject({ ...base, ...valueRules, type: z.literal("user") }),
  z.strictObject({ ...base, ...valueRules, type: z.literal("department") }),
  z.strictObject({
    ...base,
    required: z.boolean().default(false),
    unique: z.literal(false).default(false),
    type: z.literal("relation"),
    /** The related table, by id (its key may be renamed). */
    tableId: z.uuid(),
    /** "one": at most one related record (many-to-one); "many": a list (many-to-many). */
    cardinality: z.enum(["one", "many"]).default("one"),
    /** Which column of the related table names a record in pickers and the grid. */
    displayColumn: ZColumnKey.optional(),
  }),
  z.strictObject({ ...base, required: z.boolean().default(false), unique: z.literal(false).default(false), type: z.literal("file"), maxFiles: z.int().min(1).max(50).default(1) }),
  z.strictObject({ ...base, required: z.literal(false).default(false), unique: z.literal(false).default(false), type: z.literal("auto_number"), prefix: z.string().max(20).default("") }),
  z.strictObject({
    ...base,
    required: z.literal(false).default(false),
    unique: z.literal(false).default(false),
    type: z.literal("formula"),
    /** An expression over the other columns, e.g. `quantity * unit_price`; stored on every write. */
    source: z.string().trim().min(1, "A formula needs an expression").max(2_000),
  }),
]);
export type TColumn = z.output<typeof ZColumn>;
export type TColumnInput = z.input<typeof ZColumn>;
export type TColumnType = TColumn["type"];

export const ZTableSchema = z.strictObject({ columns: z.array(ZColumn).max(MAX_COLUMNS, `At most ${MAX_COLUMNS} columns`) });
export type TTableSchema = z.output<typeof ZTableSchema>;

/** Columns whose values the system writes (the client never sends them). */
export function isComputed(column: TColumn): boolean {
  return column.type === "auto_number" || column.type === "formula";
}

/** Relation values live in record_links, not in the record's JSON. */
export function isStoredInData(column: TColumn): boolean {
  return column.type !== "relation";
}

export const COLUMN_TYPE_LABELS: Record<TColumnType, string> = {
  text: "Text", long_text: "Long text", email: "Email", url: "URL", phone: "Phone", number: "Number", decimal: "Decimal",
  currency: "Currency", boolean: "Yes / no", date: "Date", datetime: "Date & time", single_select: "Single select",
  multi_select: "Multi select", user: "User", department: "Department", relation: "Relation", file: "File",
  auto_number: "Auto-number", formula: "Formula",
};
