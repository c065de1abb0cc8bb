package se.skyddsnat.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.skyddsnat.casework.Reminders;
import se.skyddsnat.casework.Tasks;
import se.skyddsnat.region.Notices;

/** The start page is the worklist: the open tasks of the user's units (overdue first), reminders from case work and, for the project leader, open notices. */
@Controller
class HomeController {

    private final Tasks tasks;
    private final Reminders reminders;
    private final Notices notices;
    private final Clock clock;

    HomeController(Tasks tasks, Reminders reminders, Notices notices, Clock clock) {
        this.tasks = tasks;
        this.reminders = reminders;
        this.notices = notices;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("tasks", tasks.openForCurrentUser());
        model.addAttribute("reminders", reminders.forCurrentUser());
        model.addAttribute("notices", notices.open());
        model.addAttribute("today", LocalDate.now(clock));
        return "web/home";
    }
}
