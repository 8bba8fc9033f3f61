// Marks the words a search result was found by on the page it opens (`?highlight=pipe%20query`,
// as mdBook's search links write it), and scrolls to the first where the link names no section.

export function highlightSearchWords(): void {
  const words = (new URLSearchParams(location.search).get("highlight") ?? "")
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length >= 2)
    .slice(0, 10);
  const main = document.querySelector("main");
  if (words.length === 0 || !main) return;
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "giu");
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest("script, style, svg, .mermaid, mark, button") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  let first: HTMLElement | null = null;
  for (const text of texts) {
    const value = text.data;
    pattern.lastIndex = 0;
    if (!pattern.test(value)) continue;
    pattern.lastIndex = 0;
    const parts = document.createDocumentFragment();
    let at = 0;
    for (const match of value.matchAll(pattern)) {
      parts.append(value.slice(at, match.index));
      const mark = document.createElement("mark");
      mark.className = "search-highlight";
      mark.textContent = match[0];
      parts.append(mark);
      first ??= mark;
      at = match.index + match[0].length;
    }
    parts.append(value.slice(at));
    text.replaceWith(parts);
  }
  if (first && location.hash === "") first.scrollIntoView({ block: "center" });
}
