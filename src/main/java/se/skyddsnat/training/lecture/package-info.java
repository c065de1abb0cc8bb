/**
 * Lectures and information events where the target group is met (hotel staff, health
 * care, school, police, civil society, other): a day, a title, the audience kind, the
 * organising units and the head count — no booking, no personal data; counted with the
 * trainings.
 */
package se.skyddsnat.training.lecture;
