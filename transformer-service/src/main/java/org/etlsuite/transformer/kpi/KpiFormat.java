package org.etlsuite.transformer.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Text of KPI values in the files. */
public final class KpiFormat {

    private KpiFormat() {
    }

    /**
     * Money exactly to the cent: plain decimal with two fraction digits. Sums of decimal(…,2) amounts
     * have scale 2 already, so this never rounds (and throws if it would have to).
     */
    public static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
