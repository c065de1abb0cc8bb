/**
 * Follow-up across modules for the people who steer and report the work: figures put
 * together from the other modules through their public APIs, never their tables (schema
 * {@code followup} holds only follow-up's own records). Here at the root: the usage per
 * municipality for a period (people met in outreach by home municipality, consultations,
 * notices to non-joined municipalities, beside the municipality's cost share), as a page
 * with a chart and its table and as XLSX, suppressed (the same cells hidden as on the
 * statistics page) unless an internal user turns that off; and the module's text limits
 * and settings. The rooms: {@code plan} (programme, action plan, measures and their
 * follow-ups with evidence), {@code assignment} (budget assignments and status reports),
 * {@code indicator} (the catalogue and its computation), {@code report} (the annual
 * report as DOCX and PDF, kept; the police agreement's page), {@code grant} (grants,
 * payments, reminders). COORDINATOR, MANAGER and ANALYST read; ANALYST and COORDINATOR
 * edit. Training participants who attended, by the municipality they work in, come from
 * {@code training}'s {@code TrainingFigures}. Depends on {@code region},
 * {@code outreach}, {@code training}, {@code casework} (its {@code StodcentrumFigures}
 * and the start page's {@code ReminderSource}), {@code mail} and {@code scheduling}; none
 * of them depends on it.
 */
package se.skyddsnat.followup;
