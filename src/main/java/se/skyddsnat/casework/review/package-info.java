/**
 * Access-log review (loggkontroll) for managers and ADMIN, through the audit module's
 * reading API: who read or changed a person and the person's cases and when, what a user
 * opened, and the managers' review of emergency accesses (on their start page until
 * marked reviewed). Looking at a review is itself an audited read.
 */
package se.skyddsnat.casework.review;
