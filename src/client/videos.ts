// Click-to-play videos. The build turns a video's iframe or lone link into a placeholder that loads
// nothing: a link to the video on its host. A click puts the host's player in its place, in a
// sandboxed frame, so no request goes to the video host before the reader asks for it.

// The players the build writes (src/book/video-hosts.ts). A placeholder is HTML in the page, and
// an RFC's own HTML could imitate one: only these addresses are ever put in a frame.
const playerUrl = /^https:\/\/(?:www\.youtube-nocookie\.com\/embed\/|player\.vimeo\.com\/video\/|www\.loom\.com\/embed\/)[\w-]+\?[\w=&]*$/;

/** Makes every video placeholder of the page play in place when clicked. */
export function setUpVideos(): void {
  for (const placeholder of Array.from(document.querySelectorAll<HTMLElement>(".video-embed[data-embed]"))) {
    const src = placeholder.dataset["embed"] ?? "";
    const link = placeholder.querySelector("a");
    if (!playerUrl.test(src) || !link) continue;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const frame = document.createElement("iframe");
      // The player runs its own scripts on its own origin; it may not navigate the book or open forms.
      frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-presentation allow-popups");
      frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      frame.title = placeholder.querySelector(".video-title")?.textContent ?? "Video";
      frame.src = src;
      placeholder.replaceChildren(frame);
      placeholder.classList.add("playing");
    });
  }
}
