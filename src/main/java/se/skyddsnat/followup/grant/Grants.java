package se.skyddsnat.followup.grant;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.followup.FollowupLimits;
import se.skyddsnat.followup.FollowupProperties;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.shared.Input;

/**
 * Grants and their payments. A grant is recorded with the share withheld until the final
 * report is approved (20 % by default): the rest is expected on the decision. Approving
 * the report makes the withheld payment expected {@code grant-payment-days} later; before
 * that it cannot be marked received. ANALYST and COORDINATOR keep grants.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Grants {

	private final GrantStore store;

	private final FollowupProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	public List<Grant> all() {
		CurrentUser.require(Permission.READ_FOLLOWUP);
		return store.all();
	}

	public Optional<Grant> find(long id) {
		CurrentUser.require(Permission.READ_FOLLOWUP);
		return store.find(id);
	}

	public boolean mayEdit() {
		return CurrentUser.get().map(u -> u.may(Permission.EDIT_FOLLOWUP)).orElse(false);
	}

	/** The form's fields as typed. */
	public record NewGrant(String grantor, String decidedOn, String amount, String purpose, String from, String to,
			String positions, String conditions, String reportDue, String withheldPercent) {
	}

	@Transactional
	public long create(NewGrant g) {
		CurrentUser user = CurrentUser.require(Permission.EDIT_FOLLOWUP);
		var in = Input.of(clock);
		String grantor = in.required("grantor", g.grantor(), FollowupLimits.GRANT_GRANTOR, "followup.error.grantor");
		LocalDate decided = in.requiredDate("decidedOn", g.decidedOn(), in.past(), "followup.error.decidedOn");
		Long amount = in.whole("amount", g.amount(), 1, 1_000_000_000L, "followup.error.amount");
		if (amount == null && !in.failed("amount")) {
			in.reject("amount", "followup.error.amount");
		}
		String purpose = in.required("purpose", g.purpose(), FollowupLimits.GRANT_PURPOSE, "followup.error.purpose");
		LocalDate from = in.requiredDate("from", g.from(), in.anyDate(), "followup.error.from");
		LocalDate to = in.requiredDate("to", g.to(), in.anyDate(), "followup.error.to");
		if (from != null && to != null && to.isBefore(from)) {
			in.reject("to", "period.error.order");
		}
		String positions = in.text("positions", g.positions(), FollowupLimits.GRANT_POSITIONS);
		String conditions = in.text("conditions", g.conditions(), FollowupLimits.GRANT_CONDITIONS);
		LocalDate due = in.requiredDate("reportDue", g.reportDue(), in.anyDate(), "followup.error.reportDue");
		Integer withheld = in.integer("withheldPercent", g.withheldPercent(), 0, 99, "followup.error.withheldPercent");
		in.check();
		int w = withheld == null ? 20 : withheld;
		long id = store.insert(grantor, decided, amount, purpose, from, to, positions, conditions, due,
				user.username());
		long withheldAmount = amount * w / 100;
		store.insertPayment(id, 1, 100 - w, amount - withheldAmount, Grant.Condition.ON_DECISION, Grant.Status.EXPECTED,
				decided);
		if (w > 0) {
			store.insertPayment(id, 2, w, withheldAmount, Grant.Condition.ON_REPORT_APPROVED, Grant.Status.WITHHELD,
					null);
		}
		audit.change(AuditSubject.GRANT, id, "grant recorded");
		return id;
	}

	/**
	 * The final report was approved on {@code date}: the withheld payment becomes
	 * expected.
	 */
	@Transactional
	public void approveReport(long grantId, String date) {
		CurrentUser.require(Permission.EDIT_FOLLOWUP);
		Grant grant = store.find(grantId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var in = Input.of(clock);
		LocalDate on = in.requiredDate("approvedOn", date, in.past(), "followup.error.approvedOn");
		in.check();
		if (!grant.approved()) {
			store.approve(grantId, on, on.plusDays(properties.grantPaymentDays()));
			audit.change(AuditSubject.GRANT, grantId, "final report approved");
		}
	}

	/** A payment was received on {@code date}; a withheld one is refused. */
	@Transactional
	public void received(long grantId, long paymentId, String date) {
		CurrentUser.require(Permission.EDIT_FOLLOWUP);
		Grant grant = store.find(grantId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Grant.Payment payment = grant.payments()
			.stream()
			.filter(p -> p.id() == paymentId)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (payment.status() == Grant.Status.WITHHELD) {
			throw new PaymentWithheld();
		}
		var in = Input.of(clock);
		LocalDate on = in.requiredDate("receivedOn", date, in.past(), "followup.error.receivedOn");
		in.check();
		if (payment.status() == Grant.Status.EXPECTED) {
			store.received(paymentId, on);
			audit.change(AuditSubject.GRANT, grantId, "payment " + payment.position() + " received");
		}
	}

}
