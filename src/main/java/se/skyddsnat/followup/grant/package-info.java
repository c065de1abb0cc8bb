/**
 * Grants (project funding received, e.g. from the County Administrative Board): grantor,
 * decision date, amount, purpose, period, positions funded, conditions, the final
 * report's due date; payments with their share, condition (on the decision, or when the
 * final report is approved) and status (expected, received, withheld). The payment on
 * approval stays withheld — and cannot be marked received — until the final report is
 * approved. A daily job (module scheduling) makes reminders the configured days before
 * the report is due and when an expected payment is late; they show on the start page
 * (case work's {@code ReminderSource}) and, when an address is configured, by mail
 * through the outbox. The final report is drafted by the report room from the same
 * figures for the grant's period and purpose.
 */
package se.skyddsnat.followup.grant;
