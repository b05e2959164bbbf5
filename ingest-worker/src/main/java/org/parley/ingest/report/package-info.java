/**
 * Reports of a whole consultation, made in the background as imports are: a
 * {@code ReportRequested} message starts the Spring Batch job {@code discussionReport}
 * (write, then store), which reads the consultation, writes it as a tagged PDF (laid out
 * with PDFBox: {@code PdfReport}, {@code PdfLayout}, {@code PdfFonts}) or a DOCX (Apache
 * POI) and stores the file once. Progress goes to the report row and, as a nudge, to the
 * web's SSE streams; a worker that died mid-way is recovered by the next request or the
 * sweep, and the report's file is stored exactly once whatever runs twice.
 */
package org.parley.ingest.report;
