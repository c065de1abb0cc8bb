package se.skyddsnat.region.population;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.skyddsnat.region.CostSplits;

/** Population tables: the years loaded, and loading a year's table from a CSV file (ADMIN, COORDINATOR). */
@Controller
class PopulationController {

    private final PopulationTables population;
    private final Clock clock;

    PopulationController(PopulationTables population, Clock clock) {
        this.population = population;
        this.clock = clock;
    }

    @GetMapping("/region/population")
    String page(Model model) {
        CostSplits.requireReader();
        model.addAttribute("years", population.years());
        if (!model.containsAttribute("year")) {
            model.addAttribute("year", LocalDate.now(clock).getYear() - 1);
        }
        return "region/population";
    }

    @PostMapping("/region/population")
    String load(@RequestParam(required = false) String year, @RequestParam(required = false) MultipartFile file,
            Model model, RedirectAttributes redirect) throws IOException {
        Long read = se.skyddsnat.shared.Input.readWhole(year);
        int y = read == null || read < 0 || read > 9999 ? 0 : read.intValue(); // 0: refused by the service
        model.addAttribute("year", year);
        if (file == null || file.isEmpty()) {
            model.addAttribute("problems", List.of(new PopulationRejected.Problem(0, "file", "population.error.file")));
            return page(model);
        }
        try {
            if (file.getSize() > PopulationTables.MAX_BYTES) { // read whole: never more than a table can be
                throw new PopulationRejected(List.of(new PopulationRejected.Problem(0, "file",
                        "population.error.tooLarge", PopulationTables.MAX_BYTES / (1024 * 1024) + " MB")));
            }
            int n = population.load(y, file.getBytes());
            redirect.addFlashAttribute("message", "population.loaded");
            redirect.addFlashAttribute("messageArg", n + " / " + y);
            return "redirect:/region/population";
        } catch (PopulationRejected e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("problemCount", e.total());
            return page(model);
        }
    }
}
