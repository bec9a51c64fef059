package org.megacity.legislation;

import java.time.LocalDate;

/** A bill moved from one stage to another (e.g. into its second reading). */
public record BillStageChanged(String billId, Stage from, Stage to, LocalDate on) {
}
