// pdfkit's own method, missing from @types/pdfkit: an image opened once is embedded once, however
// many pages draw it (a logo on 50,000 bibs).
declare namespace PDFKit {
  interface PDFDocument {
    openImage(src: Buffer | Uint8Array): PDFKitImage
    image(src: PDFKitImage, x?: number, y?: number, options?: Mixins.ImageOption): this
  }
  interface PDFKitImage {
    width: number
    height: number
  }
}
