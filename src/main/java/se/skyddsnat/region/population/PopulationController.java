package se.skyddsnat.region.population;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.shared.Input;

/**
 * Population tables: the years loaded, and loading a year's table from a CSV file (ADMIN,
 * COORDINATOR).
 */
@Controller
@RequiredArgsConstructor
class PopulationController {

	private final PopulationTables population;

	private final Clock clock;

	@GetMapping("/region/population")
	String page(Model model) {
		model.addAttribute("years", population.years());
		if (!model.containsAttribute("year")) {
			model.addAttribute("year", LocalDate.now(clock).getYear() - 1);
		}
		return "region/population";
	}

	@PostMapping("/region/population")
	String load(@RequestParam(required = false) String year, @RequestParam(required = false) MultipartFile file,
			Model model, RedirectAttributes redirect) throws IOException {
		Integer read = Input.readInt(year);
		int y = read == null ? 0 : read; // 0 (or any year out of range): refused by the
											// service, on the year
		model.addAttribute("year", year);
		try {
			if (file == null || file.isEmpty()) {
				throw PopulationRejected.of(0, "file", "population.error.file");
			}
			if (file.getSize() > PopulationTables.MAX_BYTES) { // read whole: never more
																// than a table can be
				throw PopulationTables.tooLarge();
			}
			int n = population.load(y, file.getBytes());
			redirect.addFlashAttribute("message", "population.loaded");
			redirect.addFlashAttribute("messageArg", n + " / " + y);
			return "redirect:/region/population";
		}
		catch (PopulationRejected e) {
			model.addAttribute("problems", e.problems());
			model.addAttribute("problemCount", e.total());
			return page(model);
		}
	}

}
