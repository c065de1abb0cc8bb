package se.skyddsnat.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;

/** A notice closes itself when the municipality was informed, once. */
class NoticeTest {

	private static final LocalDate SHIFT = LocalDate.of(2026, 5, 4);

	@Test
	void shouldCloseAnOpenNoticeWithHowAndWhenTheMunicipalityWasInformed() {
		Notice informed = open().informed(SHIFT.plusDays(2), "Mejl till socialchefen");

		assertThat(informed.open()).isFalse();
		assertThat(informed.informedOn()).isEqualTo(SHIFT.plusDays(2));
		assertThat(informed.informedHow()).isEqualTo("Mejl till socialchefen");
		assertThat(informed.total()).isEqualTo(3);
	}

	@Test
	void shouldRefuseToCloseANoticeThatIsClosed() {
		Notice closed = open().informed(SHIFT.plusDays(2), "Telefon");

		assertThatThrownBy(() -> closed.informed(SHIFT.plusDays(3), "Igen")).isInstanceOfSatisfying(InvalidInput.class,
				e -> assertThat(e.violations().getFirst().messageKey()).isEqualTo("notice.error.notOpen"));
	}

	private static Notice open() {
		return new Notice(7, 11, SHIFT, MunicipalityCode.of("0126"), "Huddinge", 2, 1, 0, null, null, false);
	}

}
