package se.skyddsnat.region;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import se.skyddsnat.support.BrowserTest;

/**
 * The project leader's regional-offer pages in Chromium: the cost split for a year and
 * its XLSX (opened and summed), logging a consultation (with its error state), and
 * axe-core on every page of the regional offer.
 */
class RegionBrowserTest extends BrowserTest {

	@Test
	void shouldLetTheProjectLeaderSplitTheCostDownloadItAndLogAConsultation() throws IOException {
		String coordinator = createUser("projektledare", List.of("COORDINATOR"), List.of("RK_VUXNA"));
		Page page = newPage();
		logIn(page, coordinator, USER_PASSWORD);

		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Huvudmeny"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Regionalt erbjudande"))
			.click();
		assertThat(heading(page, "Det länsövergripande erbjudandet")).isVisible();
		axe(page);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kostnadsfördelning")).click();
		page.getByLabel("År").first().fill("2024");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Visa")).click();
		assertThat(heading(page, "Kostnadsfördelning 2024")).isVisible();
		Locator sumRow = page.locator("#cost-split tfoot tr");
		assertThat(sumRow).containsText("4\u00A0000\u00A0000");
		assertThat(page.locator("#cost-split tbody tr")).hasCount(26);
		axe(page);

		Download download = page.waitForDownload(
				() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ladda ner Excel (XLSX)"))
					.click());
		assertThat(download.suggestedFilename()).isEqualTo("kostnadsfordelning-2024.xlsx");
		long sum = 0;
		try (var in = Files.newInputStream(download.path()); var workbook = new ReadableWorkbook(in)) {
			for (Row row : workbook.getFirstSheet().read()) {
				if (row.getRowNum() >= 5 && row.getRowNum() <= 30) {
					sum += row.getCellAsNumber(5).orElseThrow().longValueExact();
				}
			}
		}
		assertThat(sum).isEqualTo(4_000_000L);

		// a consultation, first with nothing filled in
		page.navigate("/region");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Konsultationer")).click();
		axe(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Logga konsultation")).click();
		axe(page);
		page.getByLabel("Tid i minuter").fill("");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara konsultationen")).click();
		assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
		axe(page);
		page.getByLabel("Datum").fill(LocalDate.now(ZoneId.of("Europe/Stockholm")).toString());
		page.getByLabel("Kommunen som fick konsultationen").selectOption("0126");
		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Telefon")).check();
		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Barn eller ungdom under 18 år")).check();
		page.getByLabel("Tid i minuter").fill("25");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara konsultationen")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Konsultationen är sparad.");
		assertThat(page.locator("table").first()).containsText("Huddinge");

		// the other pages of the regional offer
		for (String path : List.of("/municipalities", "/municipalities/0114", "/region/population",
				"/region/non-joined", "/region/meetings", "/region/meetings/new", "/followup/usage")) {
			page.navigate(path);
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
			axe(page);
		}
	}

	private static Locator heading(Page page, String name) {
		return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

}
