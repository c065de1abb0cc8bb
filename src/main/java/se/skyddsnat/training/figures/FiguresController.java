package se.skyddsnat.training.figures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.skyddsnat.shared.Count;

/**
 * The counts page ({@code /training/figures}) and its XLSX: suppressed by default, as
 * they may leave the unit.
 */
@Controller
@RequiredArgsConstructor
class FiguresController {

	private final TrainingStatisticsService service;

	private final MessageSource messages;

	@GetMapping("/training/figures")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String exact, Model model) {
		TrainingStatisticsService.requireReader();
		var period = service.period(from, to);
		model.addAttribute("stats", service.statistics(period[0], period[1], exact == null));
		model.addAttribute("fromValue", period[0].toString());
		model.addAttribute("toValue", period[1].toString());
		model.addAttribute("exact", exact != null);
		return "training/figures";
	}

	@GetMapping("/training/figures.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String exact) {
		TrainingStatisticsService.requireReader();
		var period = service.period(from, to);
		var stats = service.forExport(period[0], period[1], exact == null);
		byte[] bytes = xlsx(stats, LocaleContextHolder.getLocale());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("utbildningar-" + period[0] + "-" + period[1] + ".xlsx")
						.build()
						.toString())
			.body(bytes);
	}

	private String msg(Locale l, String key, Object... args) {
		return messages.getMessage(key, args, l);
	}

	private byte[] xlsx(TrainingStatistics s, Locale l) {
		var bytes = new ByteArrayOutputStream();
		try {
			var workbook = new Workbook(bytes, "Skyddsnat", "1.0");
			Worksheet sheet = workbook.newWorksheet(msg(l, "training.figures.sheet"));
			int r = 0;
			sheet.value(r, 0, msg(l, "training.figures.title"));
			sheet.style(r++, 0).bold().fontSize(14).set();
			sheet.value(r++, 0, msg(l, "training.figures.period", s.from().toString(), s.to().toString()));
			if (s.suppressed()) {
				sheet.value(r++, 0, msg(l, "training.figures.suppressedNote"));
			}
			r++;
			sheet.value(r, 0, msg(l, "training.figures.held"));
			sheet.value(r++, 1, s.sessionsHeld());
			sheet.value(r, 0, msg(l, "training.format.digital"));
			sheet.value(r++, 1, s.digital());
			sheet.value(r, 0, msg(l, "training.format.physical"));
			sheet.value(r++, 1, s.physical());
			r++;
			sheet.value(r, 0, msg(l, "training.figures.col.municipality"));
			sheet.value(r, 1, msg(l, "training.figures.col.code"));
			sheet.value(r, 2, msg(l, "training.figures.col.attended"));
			sheet.style(r++, 0).bold().set();
			for (var row : s.byMunicipality()) {
				sheet.value(r, 0, row.label() == null ? msg(l, "training.municipality.other") : row.label());
				sheet.value(r, 1, row.code());
				count(sheet, r++, 2, row.count());
			}
			sheet.value(r, 0, msg(l, "training.figures.sum"));
			count(sheet, r++, 2, s.attended());
			r++;
			sheet.value(r, 0, msg(l, "training.figures.col.profession"));
			sheet.value(r, 2, msg(l, "training.figures.col.attended"));
			sheet.style(r++, 0).bold().set();
			for (var row : s.byProfession()) {
				sheet.value(r, 0, msg(l, row.label()));
				count(sheet, r++, 2, row.count());
			}
			r++;
			sheet.value(r, 0, msg(l, "training.figures.col.audience"));
			sheet.value(r, 1, msg(l, "training.figures.col.lectures"));
			sheet.value(r, 2, msg(l, "training.figures.col.headCount"));
			sheet.style(r++, 0).bold().set();
			for (var row : s.byAudience()) {
				sheet.value(r, 0, msg(l, "training.audienceKind." + row.audience()));
				sheet.value(r, 1, row.lectures());
				count(sheet, r++, 2, row.headCount());
			}
			sheet.value(r, 0, msg(l, "training.figures.sum"));
			sheet.value(r, 1, s.lectures());
			count(sheet, r++, 2, s.headCount());
			r++;
			sheet.value(r, 0, msg(l, "training.figures.satisfaction"));
			if (s.satisfaction() == null) {
				sheet.value(r, 1, msg(l, "training.figures.tooFew"));
			}
			else {
				count(sheet, r, 1, s.satisfaction().satisfied());
				count(sheet, r, 2, s.satisfaction().answers());
				if (s.satisfaction().percent() != null) {
					sheet.value(r, 3, s.satisfaction().percent() + " %");
				}
			}
			sheet.width(0, 34);
			workbook.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static void count(Worksheet sheet, int r, int c, Count value) {
		if (value.isHidden() || !value.isExact()) {
			sheet.value(r, c, value.mark());
		}
		else {
			sheet.value(r, c, value.value());
		}
	}

}
