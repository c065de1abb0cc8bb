/**
 * Stödcentrum: support for young victims and witnesses of crime (an age outside 10–20 is
 * warned about, never refused). After the last of its support talks (five) the worker
 * chooses how the case goes on — close, refer on, or continue for a written reason — and
 * until then the journal signs no further talk (this room provides the journal's
 * {@link se.skyddsnat.casework.journal.SigningRule}), the case page asks and the start
 * page reminds. The indicators (satisfaction; young people supported for violence in
 * close relations, by gender) leave only through the one suppression of small counts.
 */
package se.skyddsnat.casework.stodcentrum;
