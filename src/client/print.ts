// `print.html`: fetches every chapter the sidebar lists and puts their content on this one page,
// for printing the whole book (see src/book/render/print-page.ts). Each chapter's ids get a prefix
// of their own, and links between chapters become links within the page.

import type { TocLine } from "./toc-line.ts";
import { encodePath } from "../book/url-policy.ts";

/** Chapters fetched at once: enough to fill the wait, few enough not to flood a small host. */
const parallel = 6;

export async function assemblePrintBook(onDone: (chapters: HTMLElement) => void): Promise<void> {
  const book = document.getElementById("print-book");
  const status = document.getElementById("print-status");
  const toc = (self as unknown as { rfckitToc?: { pages: TocLine[] } }).rfckitToc;
  if (!book || !status || !toc) return;
  const root = new URL(document.getElementById("sidebar")?.dataset["root"] ?? "", location.href);
  const outs = toc.pages.flatMap((line) => (Array.isArray(line) && line[0] !== "" ? [line[0]] : []));
  const keyOf = new Map(outs.map((out, index) => [new URL(encodePath(out), root).href, `c${index + 1}`]));
  const chapters: (HTMLElement | null)[] = new Array<HTMLElement | null>(outs.length).fill(null);
  let next = 0;
  let done = 0;
  const fetchOne = async (): Promise<void> => {
    for (let index = next++; index < outs.length; index = next++) {
      const url = new URL(encodePath(outs[index]!), root);
      chapters[index] = await fetchChapter(url, `c${index + 1}`, keyOf);
      status.textContent = `Gathering the chapters: ${++done} of ${outs.length}…`;
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(parallel, outs.length) }, fetchOne));
  } catch {
    status.textContent =
      location.protocol === "file:"
        ? "The chapters are gathered here when the book is served over HTTP (for example by rfc serve); browsers do not let a page read files."
        : "The chapters could not all be fetched. Reload the page to try again.";
    return;
  }
  book.append(...chapters.filter((c): c is HTMLElement => c !== null));
  status.textContent = `All ${outs.length} chapters are on this page, ready to print.`;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "print-now";
  button.textContent = "Print";
  button.addEventListener("click", () => print());
  status.after(button);
  onDone(book);
}

async function fetchChapter(url: URL, key: string, keyOf: ReadonlyMap<string, string>): Promise<HTMLElement> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.href}: ${response.status}`);
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const main = page.querySelector("main article");
  const chapter = document.createElement("section");
  chapter.className = "print-chapter";
  chapter.id = key;
  if (!main) return chapter;
  main.querySelectorAll(".prev-next, .page-toc, .edit-link, script").forEach((element) => element.remove());
  for (const element of main.querySelectorAll<HTMLElement>("[id]")) element.id = `${key}-${element.id}`;
  for (const element of main.querySelectorAll<HTMLElement>("[src]")) element.setAttribute("src", new URL(element.getAttribute("src")!, url).href);
  for (const link of main.querySelectorAll<HTMLAnchorElement>("a[href]")) {
    const target = new URL(link.getAttribute("href")!, url);
    const fragment = decodeURIComponent(target.hash.slice(1));
    target.hash = "";
    const chapterKey = keyOf.get(target.href);
    if (chapterKey !== undefined) link.setAttribute("href", `#${chapterKey}${fragment ? `-${fragment}` : ""}`);
    else link.setAttribute("href", target.href + (fragment ? `#${encodeURIComponent(fragment)}` : ""));
  }
  chapter.append(...Array.from(main.childNodes).map((node) => document.importNode(node, true)));
  return chapter;
}
