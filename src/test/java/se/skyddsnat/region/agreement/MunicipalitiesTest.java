package se.skyddsnat.region.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.support.IntegrationTest;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.RegionalOfferStatus;

class MunicipalitiesTest extends IntegrationTest {

	@Autowired
	Municipalities municipalities;

	@Test
	void shouldLoadTheReferenceFileAtFirstStart() {
		var all = municipalities.all();

		assertThat(all).hasSize(27);
		var stockholm = municipalities.find(MunicipalityCode.of("0180")).orElseThrow();
		assertThat(stockholm.population()).isEqualTo(995_574);
		assertThat(stockholm.populationYear()).isEqualTo(2024);
		assertThat(stockholm.regionalOffer2022()).isEqualTo(RegionalOfferStatus.HOST);
		assertThat(all.stream().filter(m -> m.regionalOffer2022() == RegionalOfferStatus.JOINED)).hasSize(15);
		assertThat(municipalities.find(MunicipalityCode.of("0162")).orElseThrow().regionalOffer2022())
			.isEqualTo(RegionalOfferStatus.UNKNOWN);
		assertThat(municipalities.find(MunicipalityCode.of("0980")).orElseThrow().county()).isEqualTo("Gotlands län");
	}

	@Test
	void shouldShowTheListToEveryLoggedInUser() {
		String analyst = createUser("muni", List.of("ANALYST"), List.of());
		var browser = http();
		browser.login(analyst, USER_PASSWORD);

		var page = browser.get("/municipalities").body();

		assertThat(page).containsPattern("<caption[^>]*>Kommuner i det regionala erbjudandet</caption>");
		assertThat(page).contains("0114")
			.contains("Upplands Väsby")
			.contains("995\u00A0574")
			.contains("Värdkommun")
			.contains("Inte ansluten")
			.contains("Okänd")
			.contains("Ansluten");
		assertThat(page).contains("27 kommuner med sammanlagt");
	}

	@Test
	void shouldServeTheListInTheApiWithLeadingZerosKept() {
		var answer = http().json("GET", "/api/v1/municipalities", null, token(ADMIN, ADMIN_PASSWORD));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body())
			.contains("{\"code\":\"0114\",\"name\":\"Upplands Väsby\",\"county\":\"Stockholms län\","
					+ "\"population\":50323,\"populationYear\":2024,\"regionalOffer2022\":\"joined\"}")
			.contains("\"regionalOffer2022\":\"unknown\"");
	}

	@Test
	void shouldRefuseABrokenReferenceFileNamingTheLine() {
		assertThatThrownBy(() -> ReferenceDataLoader.parse("""
				code;name;county;population;population_year;regional_offer_2022
				0114;Upplands Väsby;Stockholms län;50323;2024;joined
				0115;Vallentuna;Stockholms län;många;2023;not_joined
				""")).hasMessageContaining("line 3");
		assertThatThrownBy(() -> ReferenceDataLoader.parse("kod;namn\n0114;X\n")).hasMessageContaining("line 1");
	}

}
