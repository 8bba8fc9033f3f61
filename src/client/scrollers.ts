// Regions of the page that scroll sideways on a narrow screen.

/** A code block or table that scrolls sideways takes focus, so a keyboard can scroll it too. */
export function makeScrollersFocusable(): void {
  for (const element of document.querySelectorAll<HTMLElement>("main pre, main table")) {
    if (element.scrollWidth > element.clientWidth && element.tabIndex < 0) element.tabIndex = 0;
  }
}
