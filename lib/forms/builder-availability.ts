// The drag-and-drop form builder mounts at /forms/[id]/edit and is the next slice of the forms issue.
// Until it lands, the entry points that would lead there (creating a form, opening a draft) stay
// hidden, so nobody is sent to a page that does not exist yet.
export const FORM_BUILDER_AVAILABLE = false;
