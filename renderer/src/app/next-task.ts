/**
 * Resolves in a task of its own, after the page has had its turn (input, painting, other
 * callbacks): await it between slices of long work so the window never freezes for their sum.
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
