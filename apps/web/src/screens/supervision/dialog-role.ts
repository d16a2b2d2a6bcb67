/**
 * What a TDesign Dialog lacks for screen readers: it renders a plain div, so its card is given the dialog
 * role, modality and the header as its name (the Dialog passes unknown props on to the card).
 */
export const dialogRole = (name: string) => ({ role: 'dialog', 'aria-modal': true, 'aria-label': name }) as Record<string, unknown>;
