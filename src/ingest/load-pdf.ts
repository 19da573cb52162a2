/** Text of a PDF, one string per page (1-based page i is `pages[i - 1]`). The only importer of pdf-parse. */
export async function loadPdfPages(data: Uint8Array): Promise<string[]> {
  const { PDFParse } = await import("pdf-parse");
  const parser = new PDFParse({ data });
  try {
    const result = await parser.getText();
    return result.pages.map((p) => p.text);
  } finally {
    await parser.destroy();
  }
}
