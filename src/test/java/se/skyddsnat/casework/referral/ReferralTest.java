package se.skyddsnat.casework.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/**
 * The referral moves itself and refuses what its state, the user's part in it or the
 * consent rule does not allow — without a database: the aggregate alone.
 */
class ReferralTest {

	private static final UnitCode MIKA = UnitCode.of("MIKA");

	private static final UnitCode KAST = UnitCode.of("KAST");

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	private final CurrentUser sender = user("anna", Role.CASEWORKER, MIKA);

	private final CurrentUser manager = user("maja", Role.MANAGER, MIKA);

	private final CurrentUser receiver = user("kim", Role.CASEWORKER, KAST);

	@Test
	void shouldGoDraftSentAcceptedClosedForAnInternalHandover() {
		Referral sent = internal().send(sender, "Överlämning", null, Map.of(), NOW);
		assertThat(sent.state()).isEqualTo(ReferralState.SENT);
		assertThat(sent.sentAt()).isEqualTo(NOW);

		Referral accepted = sent.accept(receiver, NOW);
		assertThat(accepted.state()).isEqualTo(ReferralState.ACCEPTED);
		assertThat(accepted.answeredAt()).isEqualTo(NOW);

		Referral closed = accepted.close(receiver, NOW);
		assertThat(closed.state()).isEqualTo(ReferralState.CLOSED);
		assertThat(closed.closedHow()).isEqualTo(ReferralClosing.DONE);
	}

	@Test
	void shouldRefuseWhatTheStateOrThePartyDoesNotAllow() {
		Referral draft = internal();
		assertThatThrownBy(() -> draft.accept(receiver, NOW)).isInstanceOf(ReferralRefused.class)
			.hasMessage("referral.refused.state");
		assertThatThrownBy(() -> draft.send(receiver, "Överlämning", null, Map.of(), NOW))
			.isInstanceOf(ReferralRefused.class)
			.hasMessage("referral.refused.senderOnly");
		Referral sent = draft.send(sender, "Överlämning", null, Map.of(), NOW);
		assertThatThrownBy(() -> sent.send(sender, "Igen", null, Map.of(), NOW)).isInstanceOf(ReferralRefused.class)
			.hasMessage("referral.refused.state");
		assertThatThrownBy(() -> sent.accept(sender, NOW)).isInstanceOf(ReferralRefused.class)
			.hasMessage("referral.refused.receiverOnly");
		assertThatThrownBy(() -> sent.revoke(manager, NOW)).isInstanceOf(ReferralRefused.class)
			.hasMessage("referral.refused.state");
		Referral accepted = sent.accept(receiver, NOW);
		assertThatThrownBy(() -> accepted.revoke(sender, NOW)).isInstanceOf(AccessDeniedException.class);
		assertThat(accepted.revoke(manager, NOW).closedHow()).isEqualTo(ReferralClosing.REVOKED);
		assertThat(draft.close(sender, NOW).closedHow()).isEqualTo(ReferralClosing.WITHDRAWN);
		assertThatThrownBy(() -> draft.send(sender, null, null, Map.of(), NOW)).isInstanceOf(InvalidInput.class);
	}

	@Test
	void shouldSendAnExternalReferralOnlyWithEveryConsentOrAManagersOverride() {
		Referral draft = external();
		var covering = new LinkedHashMap<Long, Consent>();
		covering.put(1L, consent(1L));
		covering.put(2L, null);

		assertThatThrownBy(() -> draft.send(sender, "Till hemkommunen", null, covering, NOW))
			.isInstanceOfSatisfying(ConsentMissing.class, e -> assertThat(e.personIds()).containsExactly(2L));
		assertThatThrownBy(() -> draft.send(sender, "Till hemkommunen", "Akut fara för livet", covering, NOW))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> draft.send(manager, "Till hemkommunen", "Akut", covering, NOW))
			.isInstanceOf(InvalidInput.class);

		Referral overridden = draft.send(manager, "Till hemkommunen", "Akut fara för livet", covering, NOW);
		assertThat(overridden.state()).isEqualTo(ReferralState.SENT);
		assertThat(overridden.overrideReason()).isEqualTo("Akut fara för livet");
		assertThat(overridden.overrideBy()).isEqualTo("maja");

		covering.put(2L, consent(2L));
		Referral consented = draft.send(sender, "Till hemkommunen", null, covering, NOW);
		assertThat(consented.overrideReason()).isNull();
		assertThat(consented.close(sender, NOW).closedHow()).isEqualTo(ReferralClosing.DONE);
	}

	private static Referral internal() {
		return Referral.draft(7, MIKA, ReferralTargetKind.UNIT, KAST, null, "KAST", null, "anna", NOW);
	}

	private static Referral external() {
		return Referral.draft(7, MIKA, ReferralTargetKind.MUNICIPALITY, null, MunicipalityCode.of("0126"), "Huddinge",
				null, "anna", NOW);
	}

	private static Consent consent(long personId) {
		return new Consent(personId * 10, 7, personId, ConsentKind.WRITTEN, LocalDate.of(2026, 11, 30), "Hemkommunen",
				"anna", NOW, null, null, null);
	}

	private static CurrentUser user(String name, Role role, UnitCode unit) {
		return new CurrentUser(1, name, name, Set.of(role), new TreeSet<>(Set.of(unit)), false);
	}

}
