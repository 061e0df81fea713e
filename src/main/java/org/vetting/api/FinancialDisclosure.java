package org.vetting.api;

import java.math.BigDecimal;

/** One year's asset declaration (declaración patrimonial). Amounts in the declaring currency. */
public record FinancialDisclosure(@Required Integer year, @Required BigDecimal annualIncome, BigDecimal otherIncome,
                                  @Required BigDecimal totalAssets, @Required BigDecimal totalLiabilities,
                                  BigDecimal cashDeposits, BigDecimal undeclaredAssets) {
    public FinancialDisclosure {
        otherIncome = otherIncome == null ? BigDecimal.ZERO : otherIncome;
        cashDeposits = cashDeposits == null ? BigDecimal.ZERO : cashDeposits;
        undeclaredAssets = undeclaredAssets == null ? BigDecimal.ZERO : undeclaredAssets;
    }

    /** Net worth is total assets minus total liabilities. */
    public BigDecimal netWorth() {
        return totalAssets.subtract(totalLiabilities);
    }
}
