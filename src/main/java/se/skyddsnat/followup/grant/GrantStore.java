package se.skyddsnat.followup.grant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
class GrantStore {

	private final JdbcClient jdbc;

	long insert(String grantor, LocalDate decidedOn, long amount, String purpose, LocalDate from, LocalDate to,
			String positions, String conditions, LocalDate reportDue, String by) {
		return jdbc
			.sql("""
					INSERT INTO followup.grants (grantor, decided_on, amount_sek, purpose, period_from, period_to, positions,
					                             conditions, report_due, created_by)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(grantor, decidedOn, amount, purpose, from, to, positions, conditions, reportDue, by)
			.query(Long.class)
			.single();
	}

	void insertPayment(long grant, int position, int percent, long amount, Grant.Condition condition,
			Grant.Status status, LocalDate expectedOn) {
		jdbc.sql(
				"""
						INSERT INTO followup.grant_payments (grant_id, position, percent, amount_sek, condition, status, expected_on)
						VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(grant, position, percent, amount, condition.code(), status.code(), expectedOn)
			.update();
	}

	List<Grant> all() {
		Map<Long, List<Grant.Payment>> payments = new HashMap<>();
		jdbc.sql("SELECT * FROM followup.grant_payments ORDER BY grant_id, position").query(rs -> {
			payments.computeIfAbsent(rs.getLong("grant_id"), k -> new ArrayList<>())
				.add(new Grant.Payment(rs.getLong("id"), rs.getInt("position"), rs.getInt("percent"),
						rs.getLong("amount_sek"),
						Grant.Condition.valueOf(rs.getString("condition").toUpperCase(Locale.ROOT)),
						Grant.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
						rs.getObject("expected_on", LocalDate.class), rs.getObject("received_on", LocalDate.class)));
		});
		return jdbc.sql("SELECT * FROM followup.grants ORDER BY decided_on DESC, id DESC")
			.query((rs, n) -> new Grant(rs.getLong("id"), rs.getString("grantor"),
					rs.getObject("decided_on", LocalDate.class), rs.getLong("amount_sek"), rs.getString("purpose"),
					rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
					rs.getString("positions"), rs.getString("conditions"), rs.getObject("report_due", LocalDate.class),
					rs.getObject("report_approved_on", LocalDate.class),
					List.copyOf(payments.getOrDefault(rs.getLong("id"), List.of()))))
			.list();
	}

	Optional<Grant> find(long id) {
		return all().stream().filter(g -> g.id() == id).findFirst();
	}

	void approve(long grant, LocalDate on, LocalDate paymentExpected) {
		jdbc.sql("UPDATE followup.grants SET report_approved_on = ? WHERE id = ?").params(on, grant).update();
		jdbc.sql("""
				UPDATE followup.grant_payments SET status = 'expected', expected_on = ?
				 WHERE grant_id = ? AND status = 'withheld'""").params(paymentExpected, grant).update();
	}

	void received(long payment, LocalDate on) {
		jdbc.sql("UPDATE followup.grant_payments SET status = 'received', received_on = ? WHERE id = ?")
			.params(on, payment)
			.update();
	}

	/** Makes the reminder unless made already; true when it is new. */
	boolean remind(long grant, long payment, String kind, LocalDate due, LocalDate madeOn) {
		return jdbc.sql("""
				INSERT INTO followup.grant_reminders (grant_id, payment_id, kind, due, made_on) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""").params(grant, payment, kind, due, madeOn).update() == 1;
	}

	record Made(long grantId, long paymentId, String kind, LocalDate due, LocalDate madeOn, String grantor) {
	}

	/**
	 * Reminders still open: the report not yet approved, the payment not yet received;
	 * the newest per subject.
	 */
	List<Made> open() {
		return jdbc.sql("""
				SELECT DISTINCT ON (r.grant_id, r.payment_id, r.kind) r.grant_id, r.payment_id, r.kind, r.due,
				       r.made_on, g.grantor
				  FROM followup.grant_reminders r JOIN followup.grants g ON g.id = r.grant_id
				  LEFT JOIN followup.grant_payments p ON p.id = r.payment_id
				 WHERE (r.kind = 'report_due' AND g.report_approved_on IS NULL)
				    OR (r.kind = 'payment_late' AND p.status = 'expected')
				 ORDER BY r.grant_id, r.payment_id, r.kind, r.made_on DESC""")
			.query((rs, n) -> new Made(rs.getLong("grant_id"), rs.getLong("payment_id"), rs.getString("kind"),
					rs.getObject("due", LocalDate.class), rs.getObject("made_on", LocalDate.class),
					rs.getString("grantor")))
			.list();
	}

	List<Made> madeFor(long grant) {
		return jdbc.sql("""
				SELECT r.grant_id, r.payment_id, r.kind, r.due, r.made_on, g.grantor
				  FROM followup.grant_reminders r JOIN followup.grants g ON g.id = r.grant_id
				 WHERE r.grant_id = ? ORDER BY r.made_on, r.id""")
			.param(grant)
			.query((rs, n) -> new Made(rs.getLong("grant_id"), rs.getLong("payment_id"), rs.getString("kind"),
					rs.getObject("due", LocalDate.class), rs.getObject("made_on", LocalDate.class),
					rs.getString("grantor")))
			.list();
	}

}
