// Owns the page as the browser host's Chromium renders it to PDF: the document as it stands, its style sheets inlined
// (the renderer's CSS is a file the headless page may not fetch), scripts left out, and print media applied there.

/** The current document as one self-contained HTML text: styles inlined, no script, no link, no form state. */
export function pageSnapshot(): string {
  const css = [...document.styleSheets]
    .flatMap((sheet) => {
      try {
        return [...sheet.cssRules].map((rule) => rule.cssText);
      } catch {
        // A sheet from another origin cannot be read; the renderer has none.
        return [];
      }
    })
    .join('\n');
  const copy = document.documentElement.cloneNode(true) as HTMLElement;
  for (const node of copy.querySelectorAll('script, link, style, noscript, iframe, object, embed')) node.remove();
  const head = copy.querySelector('head') ?? copy.insertBefore(document.createElement('head'), copy.firstChild);
  const style = document.createElement('style');
  style.textContent = css;
  head.append(style);
  return `<!doctype html>${copy.outerHTML}`;
}
