/**
 * The annual follow-up report, written from the records: {@code ReportWriter} builds the
 * report's text as blocks (headings, sentences, definition notes, tables) from the
 * indicators (one suppressed table for the whole report), the regional offer's
 * municipalities and meetings, the action plan and the budget assignments; the same
 * blocks are rendered as DOCX (Apache POI XWPF, to be edited afterwards) and PDF
 * (OpenPDF, DejaVu Sans embedded so å/ä/ö print). Small counts read "färre än 5".
 * Generation is deterministic: the same records and period give the same text; each
 * generated file is kept (who, when, period, format, SHA-256 of the file and of its text)
 * so a quoted figure can be traced. Also the page of the police cooperation agreement's
 * yearly follow-up (the report's police section) and a grant's final report (the same
 * figures for the grant's period and purpose).
 */
package se.skyddsnat.followup.report;
