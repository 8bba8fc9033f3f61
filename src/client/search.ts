// The search box of every page. The index is script files under `_rfckit/search/` (see
// src/book/search/search-index.ts), loaded with <script src> because browsers refuse `fetch` on
// `file://`: the first search loads `meta.js` and its terms' shards, then the texts of the pages
// it shows. Results are built with text nodes only: RFC text never becomes HTML here.
import { decodePacked, parseQuery, search, toShardFiles, toSnippet, type SearchHit, type SearchMeta, type Shard } from "../book/search/query.ts";
import { encodePath } from "../book/url-policy.ts";

type Table = Record<string, unknown>;

const limit = 20;
const perPage = 3;

/** Wires the search box, when the page has one: typing searches, Enter opens the first result (`s` and `/` focus it: keyboard.ts). */
export function setUpSearch(): void {
  const box = document.getElementById("search");
  const input = document.getElementById("search-input");
  const list = document.getElementById("search-results");
  if (!box || !(input instanceof HTMLInputElement) || !list) return;
  box.hidden = false;
  const base = `${input.dataset["root"] ?? ""}_rfckit/search/`;
  const loader = createLoader(base);
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = async () => {
    const current = ++generation;
    const query = parseQuery(input.value);
    if (query.terms.length === 0) {
      list.hidden = true;
      list.replaceChildren();
      return;
    }
    try {
      const meta = (await loader.load("meta")) as SearchMeta;
      const files = toShardFiles(meta, query);
      const loaded = await Promise.all(files.map(async (file) => [file, await decodePacked<Shard>((await loader.load(file.slice(0, -3))) as string)] as const));
      const shards = new Map<string, Shard>(loaded);
      if (current !== generation) return;
      const hits = search(meta, shards, query, { limit, perPage });
      showResults(list, meta, hits, { root: input.dataset["root"] ?? "", highlight: input.value }, loader, () => current === generation);
    } catch {
      if (current !== generation) return;
      showMessage(list, "Search could not load its index (_rfckit/search/). Rebuild the book with rfc build.");
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 80);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      // The reader may press Enter before the pause that starts a search: search now.
      clearTimeout(timer);
      void run().then(() => {
        const first = list.querySelector("a");
        if (first) location.href = first.href;
      });
    } else if (event.key === "Escape") {
      input.value = "";
      list.hidden = true;
      list.replaceChildren();
    } else if (event.key === "ArrowDown") {
      list.querySelector("a")?.focus();
      event.preventDefault();
    }
  });
  input.addEventListener("focus", () => {
    if (list.childElementCount > 0) list.hidden = false;
  });
  // The list closes when the reader clicks elsewhere or follows a result (which may be on this page).
  document.addEventListener("click", (event) => {
    if (!box.contains(event.target as Node)) list.hidden = true;
  });
  list.addEventListener("click", (event) => {
    if ((event.target as Element).closest("a")) list.hidden = true;
  });
  list.addEventListener("keydown", (event) => {
    const links = [...list.querySelectorAll("a")];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === "ArrowDown") links[Math.min(at + 1, links.length - 1)]?.focus();
    else if (event.key === "ArrowUp") (at <= 0 ? input : links[at - 1])?.focus();
    else if (event.key === "Escape") input.focus();
    else return;
    event.preventDefault();
  });
}

/** Loads index files once each, by injecting a <script>; each file fills `self.rfckitSearch[name]`. */
function createLoader(base: string): { load(name: string): Promise<unknown> } {
  const pending = new Map<string, Promise<unknown>>();
  return {
    load(name) {
      let promise = pending.get(name);
      if (!promise) {
        promise = new Promise((resolve, reject) => {
          const script = document.createElement("script");
          script.src = `${base}${name}.js`;
          script.onload = () => {
            const value = ((self as unknown as { rfckitSearch?: Table }).rfckitSearch ?? {})[name];
            if (value === undefined) reject(new Error(`${name}.js is not a search file`));
            else resolve(value);
          };
          script.onerror = () => reject(new Error(`${name}.js did not load`));
          document.head.append(script);
        });
        // A failed file may be retried by the next search.
        promise.catch(() => pending.delete(name));
        pending.set(name, promise);
      }
      return promise;
    },
  };
}

function showMessage(list: HTMLElement, text: string): void {
  const message = document.createElement("p");
  message.className = "search-message";
  message.textContent = text;
  list.replaceChildren(message);
  list.hidden = false;
}

/** The result list: RFC title, section, and a snippet filled in once the page's text has loaded. */
function showResults(list: HTMLElement, meta: SearchMeta, hits: SearchHit[], link: { root: string; highlight: string }, loader: { load(name: string): Promise<unknown> }, isCurrent: () => boolean): void {
  if (hits.length === 0) {
    showMessage(list, "No RFC matches.");
    return;
  }
  const firstDoc = new Map<number, number>();
  meta.docs.forEach(([page], doc) => {
    if (!firstDoc.has(page)) firstDoc.set(page, doc);
  });
  const ol = document.createElement("ol");
  for (const hit of hits) {
    const [page, slug, heading] = meta.docs[hit.doc]!;
    const [out, title] = meta.pages[page]!;
    const anchor = document.createElement("a");
    // The words searched for are marked on the page the result opens (highlight.ts).
    const words = link.highlight.trim().split(/\s+/).join(" ");
    anchor.href = `${encodePath(link.root + out)}?highlight=${encodeURIComponent(words)}${slug ? `#${encodeURIComponent(slug)}` : ""}`;
    const titleLine = document.createElement("span");
    titleLine.className = "search-title";
    titleLine.textContent = title;
    anchor.append(titleLine);
    if (slug) {
      const section = document.createElement("span");
      section.className = "search-section";
      section.textContent = heading;
      anchor.append(section);
    }
    const snippet = document.createElement("span");
    snippet.className = "search-snippet";
    anchor.append(snippet);
    const item = document.createElement("li");
    item.append(anchor);
    ol.append(item);
    void loader
      .load(`x-${page}`)
      .then((encoded) => decodePacked<string[]>(encoded as string))
      .then(
      (texts) => {
        if (!isCurrent()) return;
        const own = hit.doc - firstDoc.get(page)!;
        // A page's top often has no text of its own (the title and metadata are the layout's):
        // show its first section's instead, usually the summary.
        const text = (texts as string[])[own] || (own === 0 ? ((texts as string[])[1] ?? "") : "");
        for (const part of toSnippet(text, hit.words)) {
          if (part.mark) {
            const mark = document.createElement("mark");
            mark.textContent = part.text;
            snippet.append(mark);
          } else snippet.append(part.text);
        }
      },
      () => undefined,
    );
  }
  list.replaceChildren(ol);
  list.hidden = false;
}
