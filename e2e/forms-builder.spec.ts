import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

// The form builder, as a designer uses it: a new form built from scratch by dragging from the
// palette (a real pointer drag — dnd-kit needs movement), options pasted in bulk, a "required when"
// rule built in the rule builder, a field reordered by drag, the live preview and the server's
// test-submit verdict, autosave, publishing with a note — and an employee filling the result in.
// A second journey shows the warning when two designers save the same draft.

const SCREENS = "test-results/screens";

/** Drags with the mouse from the middle of `source` to `target` (its top or bottom edge, or middle). */
async function drag(page: Page, source: Locator, target: Locator, where: "top" | "bottom" | "middle" = "middle") {
  // Centre both ends on screen: near the edges the sticky header would take the pointer.
  await source.evaluate((element) => element.scrollIntoView({ block: "center" }));
  const from = await source.boundingBox();
  if (!from) throw new Error("drag source not visible");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 12, { steps: 4 });
  await target.evaluate((element) => element.scrollIntoView({ block: "center" }));
  const to = await target.boundingBox();
  if (!to) throw new Error("drop target not visible");
  const y = where === "top" ? to.y + 6 : where === "bottom" ? to.y + to.height - 6 : to.y + to.height / 2;
  await page.mouse.move(to.x + to.width / 2, y, { steps: 20 });
  await page.mouse.move(to.x + to.width / 2 + 2, y, { steps: 3 });
  await page.mouse.up();
}

const paletteItem = (page: Page, type: string) => page.locator(`[data-palette-type="${type}"] > span`);
const card = (page: Page, key: string) => page.locator(`li[data-field-key="${key}"]`);
const canvasKeys = (page: Page) => page.locator("li[data-field-key]").evaluateAll((items) => items.map((item) => item.getAttribute("data-field-key")));
const properties = (page: Page) => page.getByRole("tabpanel", { name: "Properties" });

async function createForm(page: Page, name: string) {
  await page.goto("/forms");
  const panel = page.getByRole("form", { name: "New form" });
  await panel.getByLabel("Name").fill(name);
  await expect(panel.getByLabel("Can be filled in on its own (outside a flow)")).toBeChecked();
  await panel.getByRole("button", { name: "Create form" }).click();
  await page.waitForURL(/\/forms\/[0-9a-f-]{36}\/edit$/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  return page.url().split("/").at(-2)!;
}

/** Names the selected (just dropped) field; its key follows this first label. */
async function nameSelected(page: Page, label: string) {
  const input = properties(page).getByLabel("Label", { exact: true });
  await input.fill(label);
  await input.blur();
}

async function expectSaved(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: /^Saved/ })).toHaveText("Saved just now", { timeout: 15_000 });
}

test("a designer builds an expense form by drag and drop, publishes it, and an employee fills it in", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, "admin@acme.com");
  const name = `Travel expenses ${Date.now().toString(36)}`;
  const taskId = await createForm(page, name);
  const end = page.getByTestId("canvas-drop-end");

  // Amount: currency, required.
  await drag(page, paletteItem(page, "currency"), end);
  await expect(card(page, "currency")).toBeVisible();
  await nameSelected(page, "Amount");
  await expect(card(page, "amount")).toBeVisible();
  await properties(page).getByLabel("Required", { exact: true }).check();
  await expect(properties(page).getByLabel("Currency code")).toHaveValue("USD");

  // Category: dropdown with options pasted in bulk.
  await drag(page, paletteItem(page, "dropdown"), end);
  await nameSelected(page, "Category");
  await properties(page).getByLabel("Required", { exact: true }).check();
  await properties(page).getByRole("button", { name: "Bulk paste…" }).click();
  await properties(page).getByLabel("Paste options, one per line").fill("travel|Travel\nOffice Supplies\nEquipment");
  await expect(properties(page).getByText("3 options.")).toBeVisible();
  await properties(page).getByRole("button", { name: "Replace options" }).click();
  await expect(properties(page).getByLabel("Option 2 value")).toHaveValue("office_supplies");

  // Description: multi-line text, at the end.
  await drag(page, paletteItem(page, "textarea"), end);
  await nameSelected(page, "Description");

  // Receipt: a file upload dropped onto the lower half of Category, so it lands between Category and Description.
  await drag(page, paletteItem(page, "file"), card(page, "category"), "bottom");
  await nameSelected(page, "Receipt");
  expect(await canvasKeys(page)).toEqual(["amount", "category", "receipt", "description"]);

  // "Required when Amount > 100", built in the rule builder; its text view follows and type-checks.
  await properties(page).getByText("Conditions", { exact: true }).click();
  await properties(page).getByText("Required when…").click();
  const rules = properties(page).getByRole("group", { name: "Required when", exact: true });
  await rules.getByRole("button", { name: "+ Add rule" }).click();
  await rules.getByLabel("Required when rule 1 field").selectOption({ label: "Amount" });
  await rules.getByLabel("Required when rule 1 operator").selectOption({ label: "is greater than" });
  await rules.getByLabel("Required when rule 1 value").fill("100");
  await expect(rules.getByLabel("Required when as an expression")).toHaveValue("amount > 100");
  await expect(rules.getByText("✓ Valid condition")).toBeVisible();
  // A typo in the text view is caught as you type, then put right.
  await rules.getByLabel("Required when as an expression").fill("amuont > 100");
  await expect(rules.getByText(/Unknown field "amuont" \(did you mean "amount"\?\)/)).toBeVisible();
  await rules.getByLabel("Required when as an expression").fill("amount > 100");
  await expect(rules.getByLabel("Required when rule 1 value")).toHaveValue("100");
  await expect(card(page, "receipt").getByText("Required when…")).toBeVisible();
  await rules.screenshot({ path: `${SCREENS}/forms-builder-rule-builder.png` });

  // Reorder by drag: Description's handle onto the top half of Category.
  await drag(page, page.getByRole("button", { name: "Drag Description" }), card(page, "category"), "top");
  await expect.poll(() => canvasKeys(page)).toEqual(["amount", "description", "category", "receipt"]);

  await card(page, "receipt").getByRole("button", { name: /^Receipt/ }).click();
  await expectSaved(page);
  await page.screenshot({ path: `${SCREENS}/forms-builder.png`, fullPage: true });

  // The preview is the runtime form: the receipt becomes required once the amount exceeds 100.
  await page.getByRole("tab", { name: "Preview" }).click();
  const preview = page.getByRole("tabpanel", { name: "Preview" });
  const receiptLabel = preview.locator("label, legend").filter({ hasText: "Receipt" });
  await expect(receiptLabel).not.toContainText("(required)");
  await preview.getByLabel("Amount").fill("150");
  await expect(receiptLabel).toContainText("(required)");
  await preview.getByLabel("Category").selectOption("travel");
  await preview.getByRole("button", { name: "Ask the server without checking here first" }).click();
  await expect(preview.getByText("Server verdict: refused.")).toBeVisible();
  await expect(preview.getByText("Receipt: Receipt is required")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/forms-builder-preview.png`, fullPage: true });
  await preview.getByLabel("Amount").fill("50");
  await expect(receiptLabel).not.toContainText("(required)");
  await preview.getByRole("button", { name: "Test submit" }).click();
  await expect(preview.getByText("Server verdict: accepted. Nothing was stored.")).toBeVisible();

  // Publish with a change note.
  await page.getByRole("button", { name: "Publish…" }).click();
  const dialog = page.getByRole("dialog", { name: "Publish version 1" });
  await dialog.getByLabel("Change note").fill("First version, built in the builder");
  await dialog.getByRole("button", { name: "Publish", exact: true }).click();
  await page.waitForURL(new RegExp(`/forms/${taskId}$`));
  await expect(page.getByRole("cell", { name: "First version, built in the builder" })).toBeVisible();

  // An employee fills the published form in on its own.
  const employeeContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const employee = await employeeContext.newPage();
  await signIn(employee, "employee@acme.com");
  await employee.goto("/forms");
  await employee.getByRole("link", { name: `Fill in ${name}` }).click();
  await expect(employee.getByRole("heading", { name })).toBeVisible({ timeout: 30_000 });
  await employee.getByLabel("Amount").fill("150");
  await employee.getByLabel("Description").fill("Train to the customer");
  await employee.getByLabel("Category").selectOption("travel");
  await employee.getByRole("button", { name: "Submit" }).click();
  await expect(employee.getByRole("link", { name: /Receipt: Receipt is required/ })).toBeVisible();
  await employee.screenshot({ path: `${SCREENS}/forms-builder-filled-refused.png`, fullPage: true });
  await employee.getByLabel("Amount").fill("50");
  await employee.getByRole("button", { name: "Submit" }).click();
  await expect(employee.getByText("Thank you — your answers were submitted.")).toBeVisible();
  // People who may not change forms get a notice, not the builder.
  await employee.goto(`/forms/${taskId}/edit`);
  await expect(employee.getByText("You can look at this form, but changing it needs the permission to update forms.")).toBeVisible();
  await employeeContext.close();

  // The published version is frozen: editing starts a new draft, in which published keys cannot change.
  await page.goto(`/forms/${taskId}/edit`);
  await expect(page.getByText("This form has no draft: its newest version is published and frozen.")).toBeVisible();
  await page.getByRole("button", { name: "Create a draft from the published version" }).click();
  await expect(page.getByText("Draft of version 2")).toBeVisible();
  await card(page, "amount").getByRole("button", { name: /^Amount/ }).click();
  await expect(properties(page).getByLabel("Key", { exact: true })).toHaveAttribute("readonly", "");
  await expect(properties(page).getByText("Frozen: published versions and their submissions use this key.")).toBeVisible();
});

test("two designers saving the same draft get a warning instead of a silent overwrite", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "admin@acme.com");
  const taskId = await createForm(page, `Shared draft ${Date.now().toString(36)}`);

  // An empty form cannot be published: the server says why, in the dialog.
  await page.getByRole("button", { name: "Publish…" }).click();
  const publish = page.getByRole("dialog", { name: "Publish version 1" });
  await publish.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(publish.getByRole("alert")).toContainText("The form cannot be published yet");
  await expect(publish.getByRole("alert")).toContainText("Add at least one field to fill in");
  await publish.getByRole("button", { name: "Cancel" }).click();
  await expect(publish).toBeHidden();

  const otherContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const other = await otherContext.newPage();
  await signIn(other, "admin@acme.com");
  await other.goto(`/forms/${taskId}/edit`);
  await expect(other.getByRole("button", { name: "Add Short text" })).toBeVisible();

  // The first designer saves (keyboard path: the palette's Add button).
  await page.getByRole("button", { name: "Add Short text" }).click();
  await expect(card(page, "short_text")).toBeVisible();
  await expectSaved(page);

  // The second, still on the revision they loaded, saves too: a warning, nothing overwritten.
  await other.getByRole("button", { name: "Add Number" }).press("Enter");
  const warning = other.getByRole("dialog", { name: "Someone else changed this draft" });
  await expect(warning).toBeVisible({ timeout: 15_000 });
  await expect(warning).toContainText(/Sarah Admin saved this draft at \d{1,2}:\d{2}/);
  await other.screenshot({ path: `${SCREENS}/forms-builder-conflict.png` });

  // "Overwrite with mine" stores the second designer's version…
  await warning.getByRole("button", { name: "Overwrite with mine" }).click();
  await expect(warning).toBeHidden();
  await expectSaved(other);

  // …and the first designer, saving again, is warned in turn and reloads it.
  await page.getByRole("button", { name: "Add Email" }).click();
  const theirs = page.getByRole("dialog", { name: "Someone else changed this draft" });
  await expect(theirs).toBeVisible({ timeout: 15_000 });
  await theirs.getByRole("button", { name: "Reload their version" }).click();
  await expect(theirs).toBeHidden();
  await expect.poll(() => canvasKeys(page)).toEqual(["number"]);
  await expect(page.getByRole("status").filter({ hasText: /^Saved/ })).toBeVisible();
  await otherContext.close();
});

test("keyboard only: add from the palette, name fields with stable keys, reorder, undo and redo", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "admin@acme.com");
  await createForm(page, `Keyboard ${Date.now().toString(36)}`);

  // Add (Enter) puts a field at the end, or right after the selected one.
  await page.getByRole("button", { name: "Add Short text" }).press("Enter");
  await nameSelected(page, "Full name");
  await expect(card(page, "full_name")).toBeVisible();
  // Renaming later keeps the key: rules and submissions keep working.
  await nameSelected(page, "Your name");
  await expect(card(page, "full_name")).toContainText("Your name");
  await page.getByRole("button", { name: "Add Number" }).press("Enter");
  await page.getByRole("button", { name: "Add Email" }).press("Enter");
  expect(await canvasKeys(page)).toEqual(["full_name", "number", "email"]);

  await page.getByRole("button", { name: "Move Email up" }).click();
  expect(await canvasKeys(page)).toEqual(["full_name", "email", "number"]);

  // dnd-kit's keyboard sensor: Space picks the field up, arrows move it, Space drops it.
  const handle = page.getByRole("button", { name: "Drag Number" });
  await handle.focus();
  // Each key waits for dnd-kit's live announcement, so a busy machine cannot drop a keystroke that
  // arrives before the sensor has started (or finished) the previous move.
  const announcer = page.locator('[id^="DndLiveRegion"]');
  await page.keyboard.press("Space");
  await expect(announcer).toContainText(/Picked up draggable item number|moved over droppable area number/);
  await page.keyboard.press("ArrowUp");
  await expect(announcer).toContainText("moved over droppable area email");
  await page.keyboard.press("ArrowUp");
  await expect(announcer).toContainText("moved over droppable area full_name");
  await page.keyboard.press("Space");
  await expect.poll(() => canvasKeys(page)).toEqual(["number", "full_name", "email"]);

  await page.getByRole("button", { name: "Duplicate Email" }).click();
  await expect.poll(() => canvasKeys(page)).toEqual(["number", "full_name", "email", "email_copy"]);
  await page.getByRole("button", { name: "Delete Your name" }).click();
  await expect.poll(() => canvasKeys(page)).toEqual(["number", "email", "email_copy"]);

  // Ctrl+Z undoes the delete and the duplicate, Ctrl+Shift+Z and the Redo button bring them back.
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await page.keyboard.press("Control+z");
  await expect.poll(() => canvasKeys(page)).toEqual(["number", "full_name", "email", "email_copy"]);
  await page.keyboard.press("Control+z");
  await expect.poll(() => canvasKeys(page)).toEqual(["number", "full_name", "email"]);
  await page.keyboard.press("Control+Shift+z");
  await expect.poll(() => canvasKeys(page)).toEqual(["number", "full_name", "email", "email_copy"]);
  await page.getByRole("button", { name: "Redo" }).click();
  await expect.poll(() => canvasKeys(page)).toEqual(["number", "email", "email_copy"]);
  await expectSaved(page);

  // On a phone the panes stack and stay usable.
  await page.setViewportSize({ width: 390, height: 844 });
  await card(page, "number").getByRole("button", { name: /^Number/ }).click();
  await expect(properties(page).getByLabel("Label", { exact: true })).toHaveValue("Number");
  await page.screenshot({ path: `${SCREENS}/forms-builder-phone.png`, fullPage: true });
});
