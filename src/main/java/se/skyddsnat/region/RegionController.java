package se.skyddsnat.region;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The regional offer's start page: one place for the project leader's work with the
 * municipalities, and what the offer promises a year against what was kept (from 2021,
 * the offer's first year, to this year).
 */
@Controller
@RequiredArgsConstructor
class RegionController {

	static final int FIRST_YEAR = 2021;

	/** One promise with its years, newest first. */
	record Kept(String labelKey, int promised, List<Map.Entry<Integer, Long>> years) {
	}

	private final List<OfferPromise> promises;

	private final Clock clock;

	@GetMapping("/region")
	String hub(Model model) {
		int year = LocalDate.now(clock).getYear();
		model.addAttribute("promises",
				promises.stream()
					.map(p -> new Kept(p.labelKey(), p.promisedPerYear(),
							p.keptPerYear(FIRST_YEAR, year)
								.entrySet()
								.stream()
								.sorted(Map.Entry.<Integer, Long>comparingByKey().reversed())
								.toList()))
					.toList());
		model.addAttribute("thisYear", year);
		return "region/hub";
	}

}
