package org.etlsuite.dashboard.quality;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The data-quality page: the counts of the data-quality file and the latest dead letters. Always answers 200:
 * missing or broken data and a broker that cannot be reached are shown, not thrown.
 */
@Controller
class QualityController {

    private final QualityDashboardService quality;
    private final DeadLetterService deadLetters;

    QualityController(QualityDashboardService quality, DeadLetterService deadLetters) {
        this.quality = quality;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/quality")
    String quality(Model model) {
        model.addAttribute("page", quality.page());
        model.addAttribute("deadLetters", deadLetters.latest());
        return "quality/dashboard";
    }
}
