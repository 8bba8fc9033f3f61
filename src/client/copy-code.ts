// A "Copy" button on each code block of the page (not on diagrams), as mdBook has.

export function setUpCopyButtons(): void {
  for (const code of document.querySelectorAll<HTMLElement>("main pre > code")) {
    const pre = code.parentElement!;
    if (pre.classList.contains("mermaid") || pre.parentElement?.classList.contains("code-block")) continue;
    const wrapper = document.createElement("div");
    wrapper.className = "code-block";
    pre.replaceWith(wrapper);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-code";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy the code");
    button.addEventListener("click", () => {
      void copy(code.textContent ?? "").then((done) => {
        if (!done) selectText(code);
        button.textContent = done ? "Copied" : "Selected: press Ctrl+C";
        setTimeout(() => (button.textContent = "Copy"), 1500);
      });
    });
    wrapper.append(button, pre);
  }
}

/** Copies text to the clipboard; false where the Clipboard API is refused (`file://` in some browsers). */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Selects the element's text, for the reader to copy where the page may not. */
function selectText(element: HTMLElement): void {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}
