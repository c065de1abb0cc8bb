/**
 * The regional offer: municipalities (SCB code, population, offer status) and, in later work,
 * agreements over time, the population cost split, consultations and the steering group.
 * Other modules ask {@link se.skyddsnat.region.Municipalities}.
 */
package se.skyddsnat.region;
