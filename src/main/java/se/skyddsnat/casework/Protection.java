package se.skyddsnat.casework;

import se.skyddsnat.shared.Code;

/**
 * Protected identity: a secrecy marking (sekretessmarkering) or protected registration
 * (skyddad folkbokföring). Either hides name and contact details in every list until an
 * explicit, logged "show", and from exports. (A fictitious identity looks ordinary by
 * design and is not marked here.)
 */
public enum Protection implements Code {

	NONE, MARKING, PROTECTED_REGISTRATION;

	public static Protection of(String code) {
		return Code.of(Protection.class, code);
	}

}
