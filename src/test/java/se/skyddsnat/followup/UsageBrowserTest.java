package se.skyddsnat.followup;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import se.skyddsnat.support.BrowserTest;

/**
 * The usage page as the steering group sees it, suppressed, in Chromium: the chart draws
 * the counts that are shown (it used to stay blank when counts were hidden) and says
 * which are hidden; a period where every count is hidden says so instead of showing an
 * empty chart; both pass axe-core. 2010 is used by no other test.
 */
class UsageBrowserTest extends BrowserTest {

	@Test
	void shouldDrawTheShownCountsAndNameTheHiddenOnes() {
		String coordinator = createUser("usage-b-coord", List.of("COORDINATOR"), List.of());
		var encounters = new StringBuilder(
				"shift_ref;role;gender;age;minor;home_municipality;support_offered;offered_by;accepted\n");
		add(encounters, "u10-1", "exposed", "0126", 9);
		add(encounters, "u10-1", "exposed", "0180", 7);
		add(encounters, "u10-1", "buyer", "0180", 6);
		add(encounters, "u10-1", "exposed", "0182", 2);
		add(encounters, "u10-2", "exposed", "0184", 1);
		add(encounters, "u10-2", "exposed", "abroad", 3);
		var imported = http().multipart("/api/v1/outreach/import",
				Map.of("shifts",
						("ref;date;start_time;end_time;kind;police_operation;arena;municipality;units;notes\n"
								+ "u10-1;2010-05-10;;;joint;raid;apartment;0180;MIKA;\n"
								+ "u10-2;2010-11-20;;;own;;street;0180;MIKA;\n")
							.getBytes(StandardCharsets.UTF_8),
						"encounters", encounters.toString().getBytes(StandardCharsets.UTF_8)),
				token(coordinator, USER_PASSWORD));
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

		String analyst = createUser("usage-b-analyst", List.of("ANALYST"), List.of());
		Page page = newPage();
		logIn(page, analyst, USER_PASSWORD);
		page.navigate("/followup/usage?from=2010-01-01&to=2010-12-31");
		assertThat(page.getByRole(AriaRole.CHECKBOX,
				new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Dölj små tal"))))
			.isChecked();
		page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('usage-chart'))");
		// bars are drawn for the shown counts: each has a length on the canvas
		Object drawn = page.evaluate("() => Chart.getChart(document.getElementById('usage-chart')).data.datasets"
				+ ".map((set, i) => Chart.getChart(document.getElementById('usage-chart')).getDatasetMeta(i).data"
				+ ".filter((bar, j) => set.data[j] !== null && Math.abs(bar.x - bar.base) > 1).length)");
		// exposed (Huddinge's 9) and buyers (Stockholm's 6) have bars; the hidden ones
		// are named below the chart
		assertThat((List<?>) drawn).extracting(n -> ((Number) n).intValue()).startsWith(1, 1);
		assertThat(page.locator("#usage-chart-hidden")).containsText("Dolda tal (<5 och x i tabellen) ritas inte");
		assertThat(page.locator("#usage-chart-hidden")).containsText("Nacka");
		assertThat(page.locator("#row-0126 td").first()).hasText("9");
		assertThat(page.locator("#usage-chart-hidden")).containsText("Solna");
		assertThat(page.locator("#row-0182 td").first()).hasText("<5");
		axe(page);

		// only small counts in the autumn: no empty chart, a sentence instead
		page.navigate("/followup/usage?from=2010-11-01&to=2010-11-30");
		assertThat(page.locator("#usage-chart")).hasCount(0);
		assertThat(page.locator("#usage-chart-hidden"))
			.containsText("Inget diagram: alla tal som diagrammet skulle " + "visa är dolda eller 0.");
		axe(page);
	}

	private static void add(StringBuilder csv, String shift, String role, String home, int times) {
		for (int i = 0; i < times; i++) {
			csv.append(shift)
				.append(';')
				.append(role)
				.append(';')
				.append(role.equals("buyer") ? "male" : "female")
				.append(";30;no;")
				.append(home)
				.append(";yes;MIKA;no\n");
		}
	}

}
