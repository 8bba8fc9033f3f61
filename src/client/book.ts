// The book's script, bundled into `_rfckit/book.js`. It runs in the page's <head> so the
// chosen theme applies before the first paint; everything else waits for the document. Each
// part works on what the page has and does nothing when it is absent, so every page loads the
// same file; what only some pages need (highlight.js, Mermaid) it loads on those.

import type { TocLine } from "./toc-line.ts";
import { encodePath } from "../book/url-policy.ts";
import { highlightCodeIn } from "./code-highlighting.ts";
import { setUpCopyButtons } from "./copy-code.ts";
import { setUpDiagrams } from "./diagrams.ts";
import { highlightSearchWords } from "./highlight.ts";
import { setUpKeyboard } from "./keyboard.ts";
import { assemblePrintBook } from "./print.ts";
import { makeScrollersFocusable } from "./scrollers.ts";
import { setUpRemoteImages } from "./remote-images.ts";
import { setUpSearch } from "./search.ts";
import { setUpVideos } from "./videos.ts";

type Toc = { list: string; pages: TocLine[] };

const themeKey = "rfckit-theme";
const darkSystem = matchMedia("(prefers-color-scheme: dark)");

// The window names the book's data scripts fill (`toc.js`, the search files), made the window's
// own properties now, in the <head>, before the page's content exists: an element of an RFC with
// the same id or name (`<a id="rfckitSearch">`) can then no longer stand in for them.
for (const name of ["rfckitToc", "rfckitSearch"]) Object.defineProperty(self, name, { value: name === "rfckitSearch" ? {} : null, writable: true, configurable: false });

applyTheme(readStoredTheme() ?? defaultTheme());
document.addEventListener("DOMContentLoaded", start);

function start(): void {
  setUpThemeChoice();
  fillSidebar();
  setUpIndexTable();
  setUpSearch();
  setUpKeyboard();
  setUpCopyButtons();
  makeScrollersFocusable();
  // The search words are marked in the code's highlighted text, which replaces the plain.
  void highlightCodeIn(document).then(highlightSearchWords);
  setUpDiagrams();
  // The print page's code and diagrams arrive with their chapters, and are drawn once they are all there.
  void assemblePrintBook((chapters) => {
    void highlightCodeIn(chapters);
    setUpDiagrams();
  });
  setUpVideos();
  setUpRemoteImages();
}

function readStoredTheme(): string | null {
  try {
    return localStorage.getItem(themeKey);
  } catch {
    // Storage can be refused (file:// in some browsers, private windows): follow the system.
    return null;
  }
}

/**
 * The theme of a reader who has chosen none: book.toml's for what their system asks for
 * (`default-theme`, `preferred-dark-theme`, written on <html> by the layout), else null, which
 * leaves the stylesheet to follow the system.
 */
function defaultTheme(): string | null {
  const root = document.documentElement.dataset;
  return (darkSystem.matches ? root["darkSystemTheme"] : root["lightSystemTheme"]) ?? null;
}

function applyTheme(theme: string | null): void {
  const root = document.documentElement;
  if (theme === "light" || theme === "dark") root.dataset["theme"] = theme;
  else delete root.dataset["theme"];
  // mdBook's class for the theme shown (`light`, `navy`…), which a repository's additional-css may select on.
  const [lightClass, darkClass] = (root.dataset["mdbookThemes"] ?? "").split(" ");
  const shown = root.dataset["theme"] ?? (darkSystem.matches ? "dark" : "light");
  for (const name of [lightClass, darkClass]) if (name) root.classList.remove(name);
  const current = shown === "dark" ? darkClass : lightClass;
  if (current) root.classList.add(current);
}

/** The theme menu: the system's theme (book.toml's default for it), light or dark, remembered in the browser. */
function setUpThemeChoice(): void {
  const select = document.getElementById("theme-select") as HTMLSelectElement | null;
  const stored = readStoredTheme();
  darkSystem.addEventListener("change", () => {
    if (readStoredTheme() === null) applyTheme(defaultTheme());
  });
  if (!select) return;
  select.value = stored === "light" || stored === "dark" ? stored : "system";
  select.hidden = false;
  select.addEventListener("change", () => {
    const chosen = select.value === "light" || select.value === "dark" ? select.value : null;
    applyTheme(chosen ?? defaultTheme());
    try {
      if (chosen === null) localStorage.removeItem(themeKey);
      else localStorage.setItem(themeKey, chosen);
    } catch {
      // The choice then lasts for this page only.
    }
  });
}

/** Builds the sidebar from `toc.js`, loaded once for the whole book, and marks the current page. */
function fillSidebar(): void {
  const sidebar = document.getElementById("sidebar");
  const toc = (self as unknown as { rfckitToc?: Toc }).rfckitToc;
  const toggle = document.getElementById("sidebar-toggle");
  if (toggle && sidebar) {
    toggle.addEventListener("click", () => {
      const open = sidebar.classList.toggle("open");
      toggle.setAttribute("aria-expanded", String(open));
    });
  }
  if (!sidebar || !toc) return;
  const root = sidebar.dataset["root"] ?? "";
  const current = sidebar.dataset["current"] ?? "";
  const list = document.createElement("ol");
  for (const line of toc.pages) {
    const item = document.createElement("li");
    if (line === 0) {
      item.className = "toc-separator";
      item.setAttribute("aria-hidden", "true");
    } else if (!Array.isArray(line)) {
      item.className = "toc-part";
      item.textContent = line.part;
    } else {
      const [out, label, title, depth] = line;
      item.className = `depth-${depth}`;
      // A draft has no page: its title is shown, not linked, as mdBook shows it.
      const link = document.createElement(out === "" ? "span" : "a");
      if (link instanceof HTMLAnchorElement) link.href = encodePath(root + out);
      else link.className = "toc-draft";
      if (label) {
        const number = document.createElement("span");
        number.className = "toc-number";
        number.textContent = label;
        link.append(number);
      }
      link.append(title);
      if (out === current && out !== "") link.setAttribute("aria-current", "page");
      item.append(link);
    }
    list.append(item);
  }
  sidebar.append(list);
  // The sidebar scrolls on its own; scrollIntoView would scroll the page too, hiding its title.
  const currentLink = list.querySelector<HTMLElement>('[aria-current="page"]');
  if (currentLink) {
    const offset = currentLink.getBoundingClientRect().top - sidebar.getBoundingClientRect().top + sidebar.scrollTop;
    sidebar.scrollTop = offset - (sidebar.clientHeight - currentLink.offsetHeight) / 2;
  }
}

/** Sorting by a column header and filtering by text, on the index page's table. */
function setUpIndexTable(): void {
  const table = document.getElementById("rfc-table") as HTMLTableElement | null;
  const body = table?.tBodies[0];
  if (!table || !body) return;
  const rows = Array.from(body.rows);
  const filter = document.getElementById("rfc-filter") as HTMLInputElement | null;
  if (filter) {
    filter.closest("[hidden]")?.removeAttribute("hidden");
    filter.addEventListener("input", () => {
      const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      for (const row of rows) {
        const text = (row.textContent ?? "").toLowerCase();
        row.hidden = !words.every((w) => text.includes(w));
      }
    });
  }
  const headers = Array.from(table.tHead?.rows[0]?.cells ?? []);
  headers.forEach((header, column) => {
    header.tabIndex = 0;
    const sort = () => {
      const ascending = header.getAttribute("aria-sort") !== "ascending";
      for (const h of headers) h.removeAttribute("aria-sort");
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const key = (row: HTMLTableRowElement) => {
        const cell = row.cells[column];
        return cell?.dataset["sort"] ?? cell?.textContent?.trim().toLowerCase() ?? "";
      };
      const sorted = [...rows].sort((a, b) => key(a).localeCompare(key(b)) * (ascending ? 1 : -1));
      body.append(...sorted);
    };
    header.addEventListener("click", sort);
    header.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        sort();
      }
    });
  });
}
