package io.fleetcast.app.cost;

import io.fleetcast.store.cost.CostGroup;
import java.math.BigDecimal;
import java.util.Locale;

/** Which FOCUS cost column is attributed and budgeted. */
public enum CostColumn {
    /** What the invoice charges: commitment purchases on the day they are paid. */
    BILLED("BilledCost"),
    /** Amortised: commitment purchases spread over the usage they cover (the FinOps default for showback). */
    EFFECTIVE("EffectiveCost"),
    /** At list prices, before discounts. */
    LIST("ListCost"),
    /** At the negotiated prices, before commitment discounts. */
    CONTRACTED("ContractedCost");

    private final String focusName;

    CostColumn(String focusName) {
        this.focusName = focusName;
    }

    /** The FOCUS column name, e.g. {@code EffectiveCost}. */
    public String focusName() {
        return focusName;
    }

    /** The column's sum in {@code group}. */
    public BigDecimal of(CostGroup group) {
        return switch (this) {
            case BILLED -> group.billed();
            case EFFECTIVE -> group.effective();
            case LIST -> group.list();
            case CONTRACTED -> group.contracted();
        };
    }

    /**
     * The column named {@code text} ({@code effective}, {@code EffectiveCost}, ...).
     *
     * @throws IllegalArgumentException naming the choices
     */
    public static CostColumn parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (CostColumn column : values()) {
            String name = column.name().toLowerCase(Locale.ROOT);
            if (wanted.equals(name) || wanted.equals(column.focusName.toLowerCase(Locale.ROOT))) {
                return column;
            }
        }
        throw new IllegalArgumentException(
                "unknown cost column '" + text + "': use billed, effective, list or contracted");
    }
}
