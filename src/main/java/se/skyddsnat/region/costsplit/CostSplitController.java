package se.skyddsnat.region.costsplit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.region.CostSplitTable;
import se.skyddsnat.region.CostSplits;

/** The year's cost split like the offer's appendix, its exports, and the year's cost and offer area. */
@Controller
class CostSplitController {

    private static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** The year's cost as typed. */
    public static class CostForm {
        private String total;
        private String mikaPositions;
        private String kastPositions;
        private String coordinatorPositions;

        public String getTotal() { return total; }
        public void setTotal(String v) { total = v; }
        public String getMikaPositions() { return mikaPositions; }
        public void setMikaPositions(String v) { mikaPositions = v; }
        public String getKastPositions() { return kastPositions; }
        public void setKastPositions(String v) { kastPositions = v; }
        public String getCoordinatorPositions() { return coordinatorPositions; }
        public void setCoordinatorPositions(String v) { coordinatorPositions = v; }
    }

    private final CostSplits costSplits;
    private final MessageSource messages;
    private final Clock clock;

    CostSplitController(CostSplits costSplits, MessageSource messages, Clock clock) {
        this.costSplits = costSplits;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/region/cost-split")
    String page(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null || year < 1900 || year > 2200 ? LocalDate.now(clock).getYear() : year;
        CostSplitTable table = costSplits.forYear(y, null);
        if (!model.containsAttribute("cost")) {
            var form = new CostForm();
            form.setTotal(Long.toString(table.total()));
            form.setMikaPositions(table.mikaPositions().stripTrailingZeros().toPlainString());
            form.setKastPositions(table.kastPositions().stripTrailingZeros().toPlainString());
            form.setCoordinatorPositions(table.coordinatorPositions().stripTrailingZeros().toPlainString());
            model.addAttribute("cost", form);
        }
        model.addAttribute("table", table);
        return "region/cost-split";
    }

    @PostMapping("/region/cost-split/cost")
    String setCost(@RequestParam int year, @ModelAttribute("cost") CostForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            costSplits.setCost(year, kronor(form.getTotal()), decimal(form.getMikaPositions()),
                    decimal(form.getKastPositions()), decimal(form.getCoordinatorPositions()));
        } catch (InvalidInput e) {
            e.rejectInto(result);
            return page(year, model);
        }
        redirect.addFlashAttribute("message", "costsplit.saved");
        return "redirect:/region/cost-split?year=" + year;
    }

    @PostMapping("/region/cost-split/area")
    String setArea(@RequestParam int year, @RequestParam(name = "added", required = false) List<String> added,
            RedirectAttributes redirect) {
        var codes = new HashSet<MunicipalityCode>();
        if (added != null) {
            added.stream().filter(MunicipalityCode::isValid).map(MunicipalityCode::of).forEach(codes::add);
        }
        costSplits.setAdditions(year, codes);
        redirect.addFlashAttribute("message", "costsplit.areaSaved");
        return "redirect:/region/cost-split?year=" + year;
    }

    @GetMapping("/region/cost-split.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam int year, Locale locale) {
        CostSplitTable table = costSplits.forYear(year, null);
        return file(CostSplitExports.xlsx(table, messages, locale), XLSX, year, "xlsx");
    }

    @GetMapping("/region/cost-split.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam int year, Locale locale) {
        CostSplitTable table = costSplits.forYear(year, null);
        return file(CostSplitExports.pdf(table, messages, locale), MediaType.APPLICATION_PDF, year, "pdf");
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, int year, String extension) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("kostnadsfordelning-" + year + "." + extension).build()
                                .toString())
                .body(body);
    }

    /** Whole kronor; spaces between thousands are allowed ("4 000 000"); unreadable is null, named by the service. */
    private static Long kronor(String text) {
        return Input.readWhole(text);
    }

    /** Positions with a decimal comma or point ("1,5"); unreadable (or absurdly long) is null. */
    private static BigDecimal decimal(String text) {
        String t = Input.blankToNull(text);
        if (t == null || t.length() > 12) {
            return null;
        }
        try {
            return new BigDecimal(t.replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
