package se.skyddsnat.identity;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;
import se.skyddsnat.shared.TextLimit;

/**
 * The longest text the administration's fields take (the form, the API and the columns
 * agree).
 */
@Getter
@Accessors(fluent = true)
@RequiredArgsConstructor
public enum IdentityLimits implements TextLimit {

	/**
	 * The service checks its form ({@code [a-z0-9][a-z0-9._-]{2,63}}); the form's
	 * maxlength is this.
	 */
	USERNAME(64, "identity.users.username"), USER_DISPLAY_NAME(200, "identity.users.display_name"),
	/** The user's identity at the identity provider (the configured claim's value). */
	EXTERNAL_ID(200, "identity.users.external_id"),
	/**
	 * Checked by {@link se.skyddsnat.shared.UnitCode}'s format; the form's maxlength is
	 * this.
	 */
	UNIT_CODE(32, "identity.units.code"), UNIT_NAME(200, "identity.units.name");

	private final int max;

	private final String column;

}
