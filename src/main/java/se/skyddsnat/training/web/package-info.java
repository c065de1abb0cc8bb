/**
 * The organiser's pages and the staff API that put the rooms together: the start page
 * (courses, sessions to come and held, lectures), a course with its sessions, the session
 * form, a session's page (publish, cancel, the participant list by state and
 * municipality, attendance, the sign-in sheet, the waitlist's offers, certificates, the
 * evaluation's results), and {@code /api/v1/training/*}.
 */
package se.skyddsnat.training.web;
