package se.skyddsnat.region;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The regional offer's start page: one place for the project leader's work with the municipalities. */
@Controller
class RegionController {

    @GetMapping("/region")
    String hub() {
        return "region/hub";
    }
}
