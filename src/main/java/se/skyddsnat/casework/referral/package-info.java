/**
 * Referrals and handovers (länkning, överlämning) as one state machine that the
 * {@link se.skyddsnat.casework.referral.Referral} keeps itself — draft, sent, accepted or
 * declined, closed — with the consent rule inside it: an external referral needs every
 * person's recorded consent, or a MANAGER's written and audited override. An accepted
 * internal referral shares the case's facts, the handover summary and the people it names
 * with the receiving unit for as long as it stays accepted; closing, withdrawing or
 * revoking it ends the share. The consents are recorded (and withdrawn) here; a sent
 * external referral gives its handover letter, a PDF made with the one letter template
 * ({@code casework.core.Letter}: the secrecy line on every page, the font embedded).
 */
package se.skyddsnat.casework.referral;
