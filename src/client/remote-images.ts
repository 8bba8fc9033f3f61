// Click-to-load images. The build writes an image from another host as a placeholder that loads
// nothing (src/book/plugins/remote-images.ts); a click shows the image in its place. A
// placeholder inside a link stays text, so the link keeps working as a link.

const imageUrl = /^https?:\/\/[^\s]+$/i;

/** Makes every remote-image placeholder of the page a button that shows its image. */
export function setUpRemoteImages(): void {
  for (const placeholder of Array.from(document.querySelectorAll<HTMLElement>("span.remote-image[data-image]"))) {
    const src = placeholder.dataset["image"] ?? "";
    if (!imageUrl.test(src) || placeholder.closest("a")) continue;
    const alt = placeholder.dataset["alt"] ?? "Image";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "remote-image";
    button.textContent = `${alt} (image from ${placeholder.dataset["host"] ?? "another site"}: click to show)`;
    button.addEventListener("click", () => {
      const image = document.createElement("img");
      // Sent without the page's address: the host learns only that someone asked for the image.
      image.referrerPolicy = "no-referrer";
      image.alt = alt;
      image.src = src;
      button.replaceWith(image);
    });
    placeholder.replaceWith(button);
  }
}
