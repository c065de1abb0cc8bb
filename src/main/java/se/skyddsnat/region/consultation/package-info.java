/**
 * Consultations in individual cases that the units give to professionals of the
 * municipalities: logged by staff for their own units (no client data, only a category, a
 * channel and minutes), listed by period and municipality, counted per municipality for
 * the follow-up. Its part of the demo: a coordinator's consultations of the last months.
 */
package se.skyddsnat.region.consultation;
