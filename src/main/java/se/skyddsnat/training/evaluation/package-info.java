/**
 * Anonymous evaluations: overall satisfaction and usefulness (1–5), what was best, what
 * to improve. An attendee's one-time link is deleted when the answer is stored, and the
 * answer holds its session and nothing else (no booking, no token, no time, a random id):
 * it can never be linked to a person. Results per session are shown only from five
 * answers, free text only to the session's organisers; the share satisfied (4–5) is the
 * indicator.
 */
package se.skyddsnat.training.evaluation;
