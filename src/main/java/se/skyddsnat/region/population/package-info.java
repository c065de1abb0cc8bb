/**
 * Population tables by year, loaded from CSV all or nothing (every bad line named), that
 * the cost split reads: a year's figure, else the latest earlier one. COORDINATOR and
 * ADMIN load them.
 */
package se.skyddsnat.region.population;
