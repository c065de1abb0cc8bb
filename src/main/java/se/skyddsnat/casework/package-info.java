/**
 * Case work: for now the unit's tasks that follow from outreach (a child met: contact the guardians,
 * file a report of concern). People, cases, journal and referrals come with the case-work issue.
 */
package se.skyddsnat.casework;
