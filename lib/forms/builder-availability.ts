// The entry points into the drag-and-drop builder at /forms/[id]/edit (creating a form, opening a
// draft, editing a published form). A switch rather than inline `true` so a deployment can hide the
// builder again without touching the pages.
export const FORM_BUILDER_AVAILABLE = true;
