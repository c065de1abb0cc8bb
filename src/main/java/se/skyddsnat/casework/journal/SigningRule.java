package se.skyddsnat.casework.journal;

import java.util.Optional;

import se.skyddsnat.casework.CaseFile;
import se.skyddsnat.shared.InvalidInput;

/**
 * A rule a kind of case sets on signing journal entries — Stödcentrum's: after the last
 * of its support talks no further one is signed until the choice of how the case goes on
 * is made. The journal asks every rule before signing and tells what they say after; the
 * rules are provided by the rooms that own them, so the journal depends on none.
 */
public interface SigningRule {

	/**
	 * The support talks of a case against the rule's limit, and whether the choice is due
	 * now.
	 */
	record Talks(int talks, boolean choiceRequired) {
	}

	/**
	 * Why the entry may not be signed in the case (a violation naming the field), or
	 * empty. Access is checked.
	 */
	Optional<InvalidInput.Violation> refusal(CaseFile caseFile, JournalEntry entry);

	/**
	 * Where the case stands under the rule, for the answer after a signing; empty where
	 * the rule does not apply.
	 */
	Optional<Talks> talks(long caseId);

}
