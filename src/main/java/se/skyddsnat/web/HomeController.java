package se.skyddsnat.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.skyddsnat.casework.Cases;
import se.skyddsnat.casework.Reminders;
import se.skyddsnat.casework.Tasks;
import se.skyddsnat.identity.Unit;
import se.skyddsnat.identity.UnitDirectory;
import se.skyddsnat.region.Notices;

/**
 * The start page is the worklist: the open tasks of the user's units (overdue first),
 * reminders from case work and, for the project leader, open notices.
 */
@Controller
@RequiredArgsConstructor
class HomeController {

	/**
	 * "Mina ärenden" on the start page: the open cases the user is responsible for, at
	 * most this many.
	 */
	private static final int MY_CASES = 20;

	private final Tasks tasks;

	private final Reminders reminders;

	private final Notices notices;

	private final Clock clock;

	private final UnitDirectory units;

	private final Cases cases;

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("tasks", tasks.openForCurrentUser());
		model.addAttribute("reminders", reminders.forCurrentUser());
		model.addAttribute("notices", notices.open());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("unitNames",
				units.all().stream().collect(Collectors.toMap(u -> u.code().value(), Unit::name, (a, b) -> a)));
		model.addAttribute("myCases", cases.mine(MY_CASES));
		return "web/home";
	}

}
