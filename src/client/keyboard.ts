// The book's keys, as mdBook has them: ← and → for the previous and next chapter, s or / for the
// search, ? for the list of keys. None acts while the reader types in a field or holds a modifier.

const keys: [keys: string, what: string][] = [
  ["← →", "previous or next chapter"],
  ["s /", "search"],
  ["?", "these keys"],
  ["Esc", "close this list, or the search results"],
];

export function setUpKeyboard(): void {
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    // A code block or diagram that scrolls sideways takes the arrows for itself.
    if ((event.key === "ArrowLeft" || event.key === "ArrowRight") && target?.closest("pre, .diagram")) return;
    if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      const link = document.querySelector<HTMLAnchorElement>(event.key === "ArrowLeft" ? 'a[rel="prev"]' : 'a[rel="next"]');
      if (!link) return;
      event.preventDefault();
      location.href = link.href;
    } else if (event.key === "s" || event.key === "/") {
      const input = document.getElementById("search-input");
      if (!(input instanceof HTMLInputElement) || input.closest("[hidden]")) return;
      event.preventDefault();
      input.focus();
      input.select();
    } else if (event.key === "?") {
      event.preventDefault();
      showKeys();
    }
  });
}

/** The list of keys, as a modal dialog (Esc or its button closes it, and focus goes back). */
function showKeys(): void {
  const existing = document.getElementById("keys-help");
  if (existing instanceof HTMLDialogElement) {
    if (!existing.open) existing.showModal();
    return;
  }
  const dialog = document.createElement("dialog");
  dialog.id = "keys-help";
  dialog.className = "keys-help";
  dialog.setAttribute("aria-labelledby", "keys-help-title");
  const title = document.createElement("h2");
  title.id = "keys-help-title";
  title.textContent = "Keyboard shortcuts";
  const list = document.createElement("dl");
  for (const [key, what] of keys) {
    const term = document.createElement("dt");
    for (const part of key.split(" ")) {
      const kbd = document.createElement("kbd");
      kbd.textContent = part;
      term.append(kbd, " ");
    }
    const description = document.createElement("dd");
    description.textContent = what;
    list.append(term, description);
  }
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Close";
  close.addEventListener("click", () => dialog.close());
  dialog.append(title, list, close);
  document.body.append(dialog);
  dialog.showModal();
}
