/**
 * The meetings of the regional offer's steering group and preparation group: recorded by
 * COORDINATOR and ADMIN (one of each kind a day), and per year whether the steering group
 * met the agreement's minimum of three. Its part of the demo: this year's meetings.
 */
package se.skyddsnat.region.meeting;
