// The slice of pdfmake 0.3's server API that render-pdf.ts uses (the package ships no types).
declare module 'pdfmake' {
  interface PdfmakeOutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfmakeServer {
    setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    createPdf(docDefinition: object, options?: object): PdfmakeOutputDocument;
  }
  const pdfmake: PdfmakeServer;
  export default pdfmake;
}
