/**
 * The municipalities outside the offer: a notice to each one whose residents were met on
 * a shift (counts only, made from {@code NonJoinedResidentsMet}, closed when the project
 * leader records how it was informed), the dialogue with them, and a warning when one has
 * not been contacted for over a year.
 */
package se.skyddsnat.region.nonjoined;
