import { expect, test } from "@playwright/test";
import { withDb } from "./db";
import { signIn } from "./fixtures";

// Form options from the company's own data: a dropdown fed by a dataset section and a multi-select
// fed by a custom-table column. The employee searches them while filling the form; the server
// accepts the values the sources offer.

test("an employee picks options that come from a dataset and from a table", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const admin = await browser.newPage();
  await signIn(admin, "admin@acme.com");
  const api = admin.request;

  const dataset = await api.post("/api/v1/datasets", {
    data: { name: `Cost centres ${stamp}`, sections: [{ key: "centres", title: "Cost centres", items: Array.from({ length: 30 }, (_, index) => ({ value: `cc_${index}`, label: `Centre ${index} ${index === 17 ? "Marketing" : "General"}` })) }] },
  });
  expect(dataset.status()).toBe(201);
  const datasetId = (await dataset.json()).id as string;
  expect((await api.post(`/api/v1/datasets/${datasetId}/status`, { data: { status: "PUBLISHED" } })).status()).toBe(200);

  const table = await api.post("/api/v1/tables", { data: { name: `vendors_${stamp}`, displayName: "Vendors", columns: { columns: [{ key: "name", label: "Name", type: "text", required: true }] } } });
  expect(table.status()).toBe(201);
  const tableId = (await table.json()).id as string;
  for (const name of ["Acme Supplies", "Globex", "Initech"]) expect((await api.post(`/api/v1/tables/vendors_${stamp}/records`, { data: { values: { name } } })).status()).toBe(201);

  const definition = {
    schemaVersion: 1,
    fields: [
      { key: "centre", type: "dropdown", label: "Cost centre", required: true, source: { kind: "dataset", datasetId, sectionKey: "centres" } },
      { key: "vendors", type: "multi_select", label: "Vendors", source: { kind: "table", tableId, column: "name" } },
    ],
    logic: [],
  };
  // In the builder, a dropdown's options can be pointed at the dataset; the preview loads them.
  const draft = await api.post("/api/v1/tasks", { data: { name: `Builder ${stamp}`, standalone: true } });
  expect(draft.status()).toBe(201);
  await admin.goto(`/forms/${(await draft.json()).id}/edit`);
  await admin.getByRole("button", { name: "Add Dropdown" }).click();
  await admin.getByLabel("Options come from").selectOption("dataset");
  await admin.getByLabel("Dataset section").selectOption(`${datasetId}|centres`);
  await admin.getByRole("tab", { name: "Preview" }).click();
  const preview = admin.getByRole("tabpanel", { name: "Preview" });
  await preview.getByRole("searchbox").fill("marketing");
  await expect(preview.getByRole("combobox").locator("option")).toHaveText(["Choose…", "Centre 17 Marketing"]);
  await admin.screenshot({ path: "test-results/screens/builder-option-source.png", fullPage: true });

  const form = await api.post("/api/v1/tasks", { data: { name: `Purchase ${stamp}`, standalone: true, definition } });
  expect(form.status()).toBe(201);
  const taskId = (await form.json()).id as string;
  expect((await api.post(`/api/v1/tasks/${taskId}/publish`, { data: { changeNote: "First" } })).status()).toBe(200);
  await admin.close();

  await signIn(page, "employee@acme.com");
  await page.goto(`/forms/${taskId}/fill`);
  await expect(page.getByRole("heading", { name: `Purchase ${stamp}` })).toBeVisible();
  // The first 30 centres are loaded; searching asks the server.
  await page.getByRole("searchbox", { name: "Search Cost centre" }).fill("marketing");
  const centre = page.getByRole("combobox", { name: /^Cost centre/ });
  await expect(centre.locator("option")).toHaveText(["Choose…", "Centre 17 Marketing"]);
  await centre.selectOption("cc_17");
  await page.getByRole("searchbox", { name: "Search Vendors" }).fill("glo");
  await page.getByRole("checkbox", { name: "Globex" }).check();
  await page.getByRole("searchbox", { name: "Search Vendors" }).fill("");
  await page.getByRole("checkbox", { name: "Acme Supplies" }).check();
  await page.screenshot({ path: "test-results/screens/data-options-fill.png", fullPage: true });
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText(/submitted|Thank you/i).first()).toBeVisible();

  const stored = await withDb((client) => client.query<{ data: { centre: string; vendors: string[] } }>(`SELECT data FROM task_executions WHERE "taskId" = $1`, [taskId]));
  expect(stored.rows.map((row) => row.data)).toEqual([{ centre: "cc_17", vendors: ["Globex", "Acme Supplies"] }]);
});

// The signature field without a pointer: typing a name draws it and stores it as the signature image.
test("a signature can be given with the keyboard by typing a name", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const admin = await browser.newPage();
  await signIn(admin, "admin@acme.com");
  const definition = { schemaVersion: 1, fields: [{ key: "approval", type: "signature", label: "Your signature", required: true }], logic: [] };
  const form = await admin.request.post("/api/v1/tasks", { data: { name: `Sign-off ${stamp}`, standalone: true, definition } });
  const taskId = (await form.json()).id as string;
  expect((await admin.request.post(`/api/v1/tasks/${taskId}/publish`, { data: {} })).status()).toBe(200);
  await admin.close();

  await signIn(page, "employee@acme.com");
  await page.goto(`/forms/${taskId}/fill`);
  await page.getByLabel("Or type your full name to sign").fill("Emma Employee");
  await page.getByLabel("Or type your full name to sign").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Signature saved" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/signature-typed.png", fullPage: true });
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText(/submitted|Thank you/i).first()).toBeVisible();
  const stored = await withDb((client) => client.query<{ data: { approval: string }; mimetype: string }>(
    `SELECT e.data, f.mimetype FROM task_executions e JOIN files f ON f.id = (e.data->>'approval')::uuid WHERE e."taskId" = $1`,
    [taskId],
  ));
  expect(stored.rows).toHaveLength(1);
  expect(stored.rows[0]!.mimetype).toBe("image/png");
});
