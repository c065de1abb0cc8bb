/**
 * Mail, through an outbox. A module queues a mail with
 * {@link se.skyddsnat.mail.Outbox#queue} in the transaction of the work that causes it (a
 * booking, an offer): the mail is a row in {@code mail.outbox} that commits or rolls back
 * with that work. The job {@code mail-outbox-send} (see {@code se.skyddsnat.scheduling}:
 * one node at a time) sends the due mails every 10 s through Spring's
 * {@code JavaMailSender} ({@code SPRING_MAIL_HOST}, {@code _PORT}, {@code _USERNAME},
 * {@code _PASSWORD}), one mail per transaction that claims its row, sends, and marks it
 * sent; a mail the server does not take is tried again with backoff (1 min, doubling, at
 * most 1 h), for as long as it takes. With no mail server configured mails stay in the
 * outbox, and the admin page "Utkorg" ({@code /admin/outbox}) shows what would have been
 * sent. Sent mails are deleted after 30 days ({@code mail-outbox-retention}). Links in
 * mails come from {@link se.skyddsnat.mail.PublicUrl} ({@code SKYDDSNAT_PUBLIC_URL}).
 * <p>
 * To send a mail exactly once for a thing that happened, queue it in the transaction that
 * records the thing (or records that its mail was queued): a job that runs twice then
 * finds the thing already marked.
 */
package se.skyddsnat.mail;
