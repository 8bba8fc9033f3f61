// Loads `_rfckit/highlighter.js` (src/client/highlighter.ts) on pages with code marked with a
// language, and highlights it. Until then, and without script, the code shows plain.

type Highlight = (root: ParentNode) => void;

// Taken while book.js is being run from its <script> tag: later, `currentScript` is null.
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src ?? "";
let highlighter: Promise<Highlight | null> | null = null;

/** Highlights the code under `root` (the page's, or chapters put on it later); resolves once done, or at once where there is none. */
export async function highlightCodeIn(root: ParentNode): Promise<void> {
  if (scriptUrl === "" || !root.querySelector("pre > code[class*='language-']")) return;
  highlighter ??= loadHighlighter();
  (await highlighter)?.(root);
}

// A classic script, not a module, so that a book opened from file:// highlights too.
function loadHighlighter(): Promise<Highlight | null> {
  return new Promise((resolve) => {
    const script = document.createElement("script");
    script.src = new URL("highlighter.js", scriptUrl).href;
    script.onload = () => resolve((self as unknown as { rfckitHighlightCode?: Highlight }).rfckitHighlightCode ?? null);
    script.onerror = () => resolve(null);
    document.head.append(script);
  });
}
