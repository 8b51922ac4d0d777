/** Hands `blob` to the browser's download as `filename` (a file made or fetched in the page). */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL is not needed once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
