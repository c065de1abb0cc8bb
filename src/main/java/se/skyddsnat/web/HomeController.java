package se.skyddsnat.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: the user's worklist and the actions their roles use most. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "web/home";
    }
}
