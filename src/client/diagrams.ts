// Draws the page's Mermaid diagrams. The build leaves each diagram's source in a
// `<pre class="mermaid">`, readable as it is; Mermaid (`_rfckit/mermaid/`, ~220 kB gzip with its
// chunks for a diagram) is imported only by pages that have one, and draws them as SVG.

interface Mermaid {
  initialize(config: Record<string, unknown>): void;
  run(options: { nodes: HTMLElement[]; suppressErrors?: boolean }): Promise<void>;
}

// Taken while book.js is being run from its <script> tag: later, `currentScript` is null.
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src ?? "";

/** Draws every diagram of the page, and draws them again in the other theme's colours when the theme changes. */
export function setUpDiagrams(): void {
  const blocks = Array.from(document.querySelectorAll<HTMLElement>("pre.mermaid"));
  if (blocks.length === 0 || scriptUrl === "") return;
  const sources = blocks.map((block) => withoutImages(block.textContent ?? ""));
  let mermaid: Promise<Mermaid> | null = null;
  const draw = async () => {
    mermaid ??= import(new URL("mermaid/mermaid.esm.min.mjs", scriptUrl).href).then((module: { default: Mermaid }) => module.default);
    let library: Mermaid;
    try {
      library = await mermaid;
    } catch {
      showUndrawn(blocks);
      return;
    }
    blocks.forEach((block, index) => {
      block.textContent = sources[index] ?? "";
      block.removeAttribute("data-processed");
    });
    // "strict" keeps diagram labels from carrying HTML or script, and turns off click handlers;
    // `secure` keeps a diagram's `%%{init}%%` from setting what the book set or what reaches CSS.
    // Mermaid's dark edge labels (#ccc on #585858) fall short of WCAG's 4.5:1; on #2d333b they pass.
    const themeVariables = isDark() ? { edgeLabelBackground: "#2d333b" } : {};
    library.initialize({ startOnLoad: false, securityLevel: "strict", theme: isDark() ? "dark" : "default", themeVariables, secure: secureKeys });
    await library.run({ nodes: blocks, suppressErrors: true });
    for (const block of blocks) {
      block.dataset["drawnTheme"] = isDark() ? "dark" : "light";
      keepReadable(block);
    }
  };
  void draw();
  new MutationObserver(() => void draw()).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
}

// Mermaid's own list, and the keys whose values become CSS (where `url()` and `@import` would ask
// another host) or loosen its sanitiser.
const secureKeys = ["secure", "securityLevel", "startOnLoad", "maxTextSize", "suppressErrorRendering", "maxEdges", "themeCSS", "themeVariables", "fontFamily", "altFontFamily", "fontSize", "dompurifyConfig", "htmlLabels"];

/**
 * The diagram without its shapes' images (`A@{ img: "https://…" }`): Mermaid fetches them as it
 * draws, which would tell their host who reads the page. The shape stays, without its picture.
 */
export function withoutImages(source: string): string {
  return source.replace(/@\{[^}]*\}/g, (data) => data.replace(/\bimg\s*:\s*(?:"[^"]*"|'[^']*'|[^,}\s]*)\s*,?/g, ""));
}

function isDark(): boolean {
  const theme = document.documentElement.dataset["theme"];
  return theme === "dark" || (theme === undefined && matchMedia("(prefers-color-scheme: dark)").matches);
}

/**
 * Mermaid shrinks a diagram to its block's width, which on a phone makes its words too small to
 * read: a diagram wider than its block keeps its own width, and the block scrolls sideways (and
 * takes focus, so a keyboard can scroll it too).
 */
function keepReadable(block: HTMLElement): void {
  const svg = block.querySelector("svg");
  const natural = svg ? parseFloat(svg.style.maxWidth) : NaN;
  if (!svg || !(natural > block.clientWidth)) return;
  svg.style.width = `${natural}px`;
  svg.style.maxWidth = "none";
  block.tabIndex = 0;
  block.setAttribute("role", "figure");
  block.setAttribute("aria-label", "Diagram, scrolls sideways");
}

/** Browsers refuse to load modules from `file://`: the source stays, with a word on why. */
function showUndrawn(blocks: readonly HTMLElement[]): void {
  for (const block of blocks) {
    if (block.nextElementSibling?.classList.contains("mermaid-note")) continue;
    const note = document.createElement("p");
    note.className = "mermaid-note";
    note.textContent =
      location.protocol === "file:" ? "This diagram is drawn when the book is served over HTTP (for example by rfc serve); browsers do not load its script from files." : "This diagram could not be drawn: its script did not load.";
    block.after(note);
  }
}
