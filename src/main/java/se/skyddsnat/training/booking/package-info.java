/**
 * Booking without an account, and what follows it. A person books on
 * {@code /public/training/{id}}; the booking holds no seat until it is confirmed through
 * the link in the mail within 24 hours (then it lapses and is deleted). A confirmed
 * booking takes a seat only when one is free for the person's municipality (seats held
 * for other municipalities count as taken until released) and nobody waits: otherwise it
 * joins the waitlist, in the order of confirmation. A freed seat is offered to the first
 * in line it fits, by mail, for a limited time (48 hours, shorter near the session);
 * accepting books the seat, an expired or declined offer passes to the next; every offer
 * and its outcome is kept for the organiser. Seat decisions for a session are made one at
 * a time (its row locked).
 * <p>
 * Tokens in links are random, kept as SHA-256 only, each for one purpose (confirm,
 * manage, offer, evaluation). Mails are queued in the outbox in the transaction of what
 * causes them; the jobs (lapse, offer expiry, quota release, reminders two days before,
 * evaluation mails, retention) each do their work and mark it in one transaction.
 * Participants' personal data is deleted a configurable time after the session (12
 * months), keeping counts by municipality and profession; a participant can delete their
 * own booking. Deletions are audited as counts. Also the sign-in sheet and certificates
 * (PDF) and the calendar file (RFC 5545).
 */
package se.skyddsnat.training.booking;
