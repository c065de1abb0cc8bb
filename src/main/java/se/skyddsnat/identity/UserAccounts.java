package se.skyddsnat.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.skyddsnat.shared.UnitCode;

/**
 * The users in {@code identity.users}, each read with its roles and units in one
 * statement.
 */
@Repository
@RequiredArgsConstructor
class UserAccounts {

	private static final String SELECT = """
			SELECT u.id, u.username, u.display_name, u.must_change_password, u.enabled, u.failed_attempts,
			       u.locked_until, u.last_login_at, u.external_id,
			       ARRAY(SELECT r.role FROM identity.user_roles r WHERE r.user_id = u.id ORDER BY r.role) AS roles,
			       ARRAY(SELECT un.code FROM identity.user_units uu JOIN identity.units un ON un.id = uu.unit_id
			             WHERE uu.user_id = u.id ORDER BY un.code) AS unit_codes
			  FROM identity.users u
			""";

	private static final RowMapper<UserAccount> ACCOUNT = (rs, n) -> new UserAccount(rs.getLong("id"),
			rs.getString("username"), rs.getString("display_name"), rs.getBoolean("must_change_password"),
			rs.getBoolean("enabled"), rs.getInt("failed_attempts"), instant(rs, "locked_until"),
			instant(rs, "last_login_at"), roles(rs.getArray("roles")), units(rs.getArray("unit_codes")),
			rs.getString("external_id"));

	private final JdbcClient jdbc;

	List<UserAccount> all() {
		return jdbc.sql(SELECT + " ORDER BY u.username").query(ACCOUNT).list();
	}

	Optional<UserAccount> find(long id) {
		return jdbc.sql(SELECT + " WHERE u.id = ?").param(id).query(ACCOUNT).optional();
	}

	Optional<UserAccount> findByUsername(String username) {
		return jdbc.sql(SELECT + " WHERE u.username = ?").param(username).query(ACCOUNT).optional();
	}

	/**
	 * The user whose identity at the identity provider this is (set by an administrator).
	 */
	Optional<UserAccount> findByExternalId(String externalId) {
		return jdbc.sql(SELECT + " WHERE u.external_id = ?").param(externalId).query(ACCOUNT).optional();
	}

	Optional<UserAccount> findOtherWithExternalId(String externalId, long exceptId) {
		return jdbc.sql(SELECT + " WHERE u.external_id = ? AND u.id <> ?")
			.params(externalId, exceptId)
			.query(ACCOUNT)
			.optional();
	}

	void setExternalId(long id, String externalId) {
		jdbc.sql("UPDATE identity.users SET external_id = ?, updated_at = now() WHERE id = ?")
			.params(externalId, id)
			.update();
	}

	/** The stored hash, read only where a password is checked. */
	String passwordHash(long id) {
		return jdbc.sql("SELECT password_hash FROM identity.users WHERE id = ?").param(id).query(String.class).single();
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM identity.users").query(Long.class).single();
	}

	long insert(String username, String displayName, String passwordHash, boolean mustChangePassword) {
		return jdbc.sql("""
				INSERT INTO identity.users (username, display_name, password_hash, must_change_password)
				VALUES (?, ?, ?, ?) RETURNING id""")
			.params(username, displayName, passwordHash, mustChangePassword)
			.query(Long.class)
			.single();
	}

	void update(long id, String displayName, boolean enabled) {
		jdbc.sql("UPDATE identity.users SET display_name = ?, enabled = ?, updated_at = now() WHERE id = ?")
			.params(displayName, enabled, id)
			.update();
	}

	void replaceRoles(long id, Set<Role> roles) {
		jdbc.sql("DELETE FROM identity.user_roles WHERE user_id = ?").param(id).update();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO identity.user_roles (user_id, role) VALUES (?, ?)").params(id, role.name()).update();
		}
	}

	void replaceUnits(long id, Set<UnitCode> units) {
		jdbc.sql("DELETE FROM identity.user_units WHERE user_id = ?").param(id).update();
		jdbc.sql("""
				INSERT INTO identity.user_units (user_id, unit_id)
				SELECT ?, id FROM identity.units WHERE code = ANY (?)""")
			.params(id, units.stream().map(UnitCode::value).toArray(String[]::new))
			.update();
	}

	void setPassword(long id, String passwordHash, boolean mustChange) {
		jdbc.sql("""
				UPDATE identity.users SET password_hash = ?, must_change_password = ?, updated_at = now()
				 WHERE id = ?""").params(passwordHash, mustChange, id).update();
	}

	/**
	 * Counts a wrong password; at {@code max} in a row the account is locked until
	 * {@code lockUntil}.
	 */
	boolean recordFailureAndMaybeLock(long id, int max, Instant lockUntil) {
		return jdbc.sql("""
				   UPDATE identity.users
				      SET failed_attempts = CASE WHEN failed_attempts + 1 >= :max THEN 0 ELSE failed_attempts + 1 END,
				          locked_until    = CASE WHEN failed_attempts + 1 >= :max THEN :until ELSE locked_until END
				    WHERE id = :id
				RETURNING coalesce(locked_until = :until, false)""")
			.param("max", max)
			.param("until", utc(lockUntil))
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	void recordSuccess(long id, Instant now) {
		jdbc.sql("""
				UPDATE identity.users SET failed_attempts = 0, locked_until = NULL, last_login_at = ?
				 WHERE id = ?""").params(utc(now), id).update();
	}

	void unlock(long id) {
		jdbc.sql("UPDATE identity.users SET failed_attempts = 0, locked_until = NULL, updated_at = now() WHERE id = ?")
			.param(id)
			.update();
	}

	private static OffsetDateTime utc(Instant i) {
		return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static Set<Role> roles(Array array) throws SQLException {
		var set = EnumSet.noneOf(Role.class);
		Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(set::add);
		return set;
	}

	private static TreeSet<UnitCode> units(Array array) throws SQLException {
		var set = new TreeSet<UnitCode>();
		Arrays.stream((String[]) array.getArray()).map(UnitCode::of).forEach(set::add);
		return set;
	}

}
