package se.skyddsnat.identity;

import java.util.ArrayList;
import java.util.List;

/** The user form of the admin pages. */
public class UserForm {

	private String username;

	private String displayName;

	private List<String> roles = new ArrayList<>();

	private List<String> units = new ArrayList<>();

	private boolean enabled = true;

	private String externalId;

	static UserForm of(UserAccount account) {
		var form = new UserForm();
		form.username = account.username();
		form.displayName = account.displayName();
		form.roles = new ArrayList<>(account.roles().stream().map(Role::name).toList());
		form.units = new ArrayList<>(account.units().stream().map(u -> u.value()).toList());
		form.enabled = account.enabled();
		form.externalId = account.externalId();
		return form;
	}

	UserService.UserDetails details() {
		return new UserService.UserDetails(username, displayName, roles, units, externalId);
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String v) {
		username = v;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String v) {
		displayName = v;
	}

	public List<String> getRoles() {
		return roles;
	}

	public void setRoles(List<String> v) {
		roles = v == null ? new ArrayList<>() : v;
	}

	public List<String> getUnits() {
		return units;
	}

	public void setUnits(List<String> v) {
		units = v == null ? new ArrayList<>() : v;
	}

	public String getExternalId() {
		return externalId;
	}

	public void setExternalId(String v) {
		externalId = v;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean v) {
		enabled = v;
	}

}
