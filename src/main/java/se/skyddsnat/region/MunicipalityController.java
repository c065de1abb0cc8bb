package se.skyddsnat.region;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The municipality reference list, for everyone logged in. */
@Controller
class MunicipalityController {

    private final Municipalities municipalities;

    MunicipalityController(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @GetMapping("/municipalities")
    String page(Model model) {
        var all = municipalities.all();
        model.addAttribute("municipalities", all);
        model.addAttribute("totalPopulation", all.stream().mapToLong(Municipality::population).sum());
        model.addAttribute("joined", all.stream().filter(m -> m.regionalOffer2022() == RegionalOfferStatus.JOINED).count());
        return "region/municipalities";
    }
}
