/** Hands a file the office made to the browser's download, as the user's own save. */
export function saveFile(fileName: string, content: Blob): void {
  const link = document.createElement('a')
  link.href = URL.createObjectURL(content)
  link.download = fileName
  link.click()
  // The download has started by then; a revoked address cannot be reopened, and needs not be.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000)
}

/** An export answered as { fileName, mimeType, base64 }. */
export function saveExported(file: { fileName: string; mimeType: string; base64: string }): void {
  saveFile(file.fileName, new Blob([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], { type: file.mimeType }))
}
