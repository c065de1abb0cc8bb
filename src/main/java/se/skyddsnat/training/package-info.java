/**
 * Trainings: the courses the units give (for the joined municipalities' staff, the city's
 * staff, other professionals), their sessions (digital or physical, capacity, booking
 * period, seats held per municipality until a set number of days before), booking by
 * people outside without an account (confirmed through a link in a mail within 24 hours,
 * one booking per e-mail and session), a waitlist whose offers expire and pass on in
 * strict order, reminders, the organiser's participant list with attendance, sign-in
 * sheet and certificates (PDF), anonymous evaluations, lectures counted without booking,
 * and the counts the regional offer promises. Schema {@code training}.
 * <p>
 * The front door, here at the root, is {@link se.skyddsnat.training.TrainingFigures}:
 * exact counts for a period, for the follow-up (which suppresses what it shows). Each
 * capability is a room: {@code course} (courses and sessions, for organisers),
 * {@code booking} (the public booking, the waitlist, the mails, the jobs and the
 * retention of participants' data), {@code evaluation} (anonymous answers, shown from
 * five), {@code lecture} (lectures without booking), {@code figures} (the counts: page,
 * XLSX, API, the offer's "three a year") and {@code web} (the organiser's pages that put
 * the rooms together). Depends on {@code region} (the county's municipalities, the
 * offer's promises), {@code mail}, {@code scheduling}, {@code identity}, {@code audit},
 * {@code idempotency} and {@code shared}.
 */
package se.skyddsnat.training;
