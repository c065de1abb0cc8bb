/**
 * A person's register extract (registerutdrag, GDPR art. 15): for a personnummer,
 * everything held about the person in every unit — person records, cases, journal,
 * trafficking track, Stödcentrum decisions, referrals, consents, emergency accesses and
 * who has read or changed the records (the access log) — as a PDF marked with its secrecy
 * and the considerations for what may not be disclosed. This is the one path that crosses
 * the units' need to know on purpose: for the configured roles only
 * ({@code skyddsnat.register-extract.roles}, MANAGER by default), and audited.
 */
package se.skyddsnat.casework.extract;
