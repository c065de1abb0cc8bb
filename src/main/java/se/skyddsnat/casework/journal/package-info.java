/**
 * The journal of a case: drafts of their author, saved as they are typed; signed entries
 * that never change (the service, the API and a database trigger refuse it); corrections
 * as new entries pointing to the one they correct, one per entry. Only the case's own
 * unit writes, and a referral never shares the journal. A kind of case may set a rule on
 * signing ({@link se.skyddsnat.casework.journal.SigningRule}; Stödcentrum provides its
 * support-talk limit), so the journal depends on no other room.
 */
package se.skyddsnat.casework.journal;
