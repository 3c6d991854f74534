/** Hands a file made on the device to the browser as a download (nothing is sent anywhere). */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by then; the delay covers slow download managers.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "CC du Pays de Gex" → "cc-du-pays-de-gex": for file names. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/œ/gi, 'oe')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'epci'
  );
}
