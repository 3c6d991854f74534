/** Hands a file made on the device to the browser as a download (a Blob URL on a temporary link; nothing is sent). */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the Blob only after click() has returned, download managers later still.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
