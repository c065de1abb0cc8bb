/**
 * Case work: the people the units help and their cases (ärenden), kept under need to know
 * — a unit sees its own records, a case shared with it by an accepted referral (the
 * case's facts and the people the referral names) and, for a few hours after a stated
 * reason, a person opened by emergency access; every read of personal data is audited
 * with its purpose. The front door is here: {@link se.skyddsnat.casework.People},
 * {@link se.skyddsnat.casework.Cases}, {@link se.skyddsnat.casework.Tasks} (a child met
 * on a shift gives the unit its tasks) and {@link se.skyddsnat.casework.Reminders} (every
 * reminder source, on the start page), with their records. The capabilities are rooms in
 * sub-packages, internal to the module: {@code core} (the need-to-know condition, the
 * stores of people and cases), {@code web} (the people, case and task pages and API; the
 * case page the rooms' sections plug into), {@code journal}, {@code referral},
 * {@code trafficking}, {@code stodcentrum} and {@code review}. Its part of the demo
 * ({@code CaseworkDemoData}) is made through these services as the units' demo users.
 */
package se.skyddsnat.casework;
