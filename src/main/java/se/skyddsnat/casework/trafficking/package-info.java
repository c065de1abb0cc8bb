/**
 * The trafficking track of a case: protected housing, the reflection period and temporary
 * residence permit (Migrationsverket), police and prosecutor contacts, IOM's voluntary
 * return programme and its follow-up, and linking to the home municipality; reminders
 * before a permit ends and when the follow-up is due. Read by whoever may read the case's
 * records (audited), recorded only by the case's own unit.
 */
package se.skyddsnat.casework.trafficking;
