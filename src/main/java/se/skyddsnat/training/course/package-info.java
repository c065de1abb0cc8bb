/**
 * Courses and their sessions, for organisers (a COORDINATOR, or staff of a course's
 * organising units): a course's title, description, audience and units; a session's
 * format (a meeting link or a place), times in Europe/Stockholm, capacity, booking
 * period, seats held per municipality (released a set number of days before), trainers;
 * publishing, changing and cancelling. A change or cancellation of a published session is
 * published as a {@link se.skyddsnat.training.course.SessionChanged} event in its
 * transaction, on which the booking room tells the participants. SQL in
 * {@link se.skyddsnat.training.course.CourseStore}.
 */
package se.skyddsnat.training.course;
