package io.fleetcast.planning.cost;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Spend attributed to teams: each team's direct spend plus its share of every shared cost, and the spend no team is
 * tagged with, shown as its own row rather than hidden or spread. Amounts are exact decimals; each row's total is
 * rounded to the cent so that the rows add up to the billed total rounded to the cent, to the cent (the largest
 * remainders get the leftover cents). A team's share of a shared cost does not depend on which teams a reader looks
 * at: {@link #rows(Set)} filters the rows of the whole, never re-splits a shared cost among the teams shown (the error
 * that makes a filtered view carry all of the idle capacity).
 */
public final class Attribution {
    /** The row of spend without a team. */
    public static final String UNTAGGED = "(untagged)";

    private static final MathContext EXACT = MathContext.DECIMAL128;

    private final ImmutableMap<String, Row> rows;
    private final BigDecimal billed;

    private Attribution(Map<String, Row> rows, BigDecimal billed) {
        this.rows = ImmutableMap.copyOf(rows);
        this.billed = billed;
    }

    /**
     * One team's attributed spend.
     *
     * @param team the team, or {@link #UNTAGGED}
     * @param direct its own spend, exact
     * @param shares its share of each shared cost, exact, by the shared cost's name
     * @param total direct plus shares, rounded to the cent so the rows add up to the billed total
     * @param explanation one line per part, for people
     */
    public record Row(
            String team,
            BigDecimal direct,
            ImmutableMap<String, BigDecimal> shares,
            BigDecimal total,
            ImmutableList<String> explanation) {}

    /**
     * Attributes {@code direct} spend per team, {@code untagged} spend and the {@code shared} costs, all in {@code
     * currency} (named in the explanations).
     *
     * @throws IllegalArgumentException when a shared cost has no team to go to (no team has direct spend, or its
     *     weights are all zero), or a team is named {@link #UNTAGGED}
     */
    public static Attribution of(
            Map<String, BigDecimal> direct, BigDecimal untagged, List<SharedCost> shared, String currency) {
        requireNonNull(untagged, "untagged is null");
        requireNonNull(currency, "currency is null");
        if (direct.containsKey(UNTAGGED)) {
            throw new IllegalArgumentException("no team may be called " + UNTAGGED);
        }
        Map<String, BigDecimal> own = new TreeMap<>(direct);
        BigDecimal directTotal = own.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Map<String, BigDecimal>> shares = new TreeMap<>();
        Map<String, List<String>> explanations = new TreeMap<>();
        own.forEach((team, amount) -> {
            shares.put(team, new LinkedHashMap<>());
            explanations.put(team, new ArrayList<>(List.of("direct spend " + money(amount, currency))));
        });
        BigDecimal billed = directTotal.add(untagged);
        for (SharedCost cost : shared) {
            billed = billed.add(cost.amount());
            Map<String, BigDecimal> basis = basis(cost, own);
            BigDecimal sum = basis.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.signum() == 0) {
                throw new IllegalArgumentException("shared cost " + cost.name() + " (" + money(cost.amount(), currency)
                        + ") has no team to go to: its " + basisName(cost.rule()) + " are all zero");
            }
            for (Map.Entry<String, BigDecimal> entry : basis.entrySet()) {
                if (entry.getValue().signum() == 0) {
                    continue;
                }
                BigDecimal fraction = entry.getValue().divide(sum, EXACT);
                BigDecimal share = cost.amount().multiply(fraction, EXACT);
                String team = entry.getKey();
                shares.computeIfAbsent(team, t -> new LinkedHashMap<>()).merge(cost.name(), share, BigDecimal::add);
                explanations
                        .computeIfAbsent(
                                team, t -> new ArrayList<>(List.of("direct spend " + money(BigDecimal.ZERO, currency))))
                        .add(String.format(
                                java.util.Locale.ROOT,
                                "%s: %s of %s by %s = %s",
                                cost.name(),
                                percent(fraction),
                                money(cost.amount(), currency),
                                basisName(cost.rule()),
                                money(share, currency)));
            }
        }
        Map<String, BigDecimal> exact = new TreeMap<>();
        shares.forEach((team, parts) -> exact.put(
                team,
                own.getOrDefault(team, BigDecimal.ZERO)
                        .add(parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))));
        if (untagged.signum() != 0) {
            exact.put(UNTAGGED, untagged);
            explanations.put(UNTAGGED, List.of("spend with no team: " + money(untagged, currency)));
        }
        Map<String, BigDecimal> cents = toCents(exact, billed.setScale(2, RoundingMode.HALF_EVEN));
        Map<String, Row> rows = new TreeMap<>();
        exact.forEach((team, amount) -> rows.put(
                team,
                new Row(
                        team,
                        team.equals(UNTAGGED) ? untagged : own.getOrDefault(team, BigDecimal.ZERO),
                        ImmutableMap.copyOf(shares.getOrDefault(team, Map.of())),
                        requireNonNull(cents.get(team)),
                        ImmutableList.copyOf(explanations.getOrDefault(team, List.of())))));
        return new Attribution(rows, billed);
    }

    /** Every row, by team (the untagged row among them when there is untagged spend). */
    public ImmutableList<Row> rows() {
        return rows.values().asList();
    }

    /** The rows of {@code teams}, exactly as in {@link #rows()}: shares are not re-split among the teams shown. */
    public ImmutableList<Row> rows(Set<String> teams) {
        return rows.values().stream()
                .filter(row -> teams.contains(row.team()))
                .collect(ImmutableList.toImmutableList());
    }

    /** The billed total: direct, untagged and shared spend, exact. */
    public BigDecimal billed() {
        return billed;
    }

    /** The attributed total: the rows' totals added up, which is the billed total rounded to the cent. */
    public BigDecimal attributed() {
        return rows.values().stream().map(Row::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Map<String, BigDecimal> basis(SharedCost cost, Map<String, BigDecimal> own) {
        Map<String, BigDecimal> basis = new TreeMap<>();
        switch (cost.rule()) {
            case PROPORTIONAL -> own.forEach((team, amount) -> basis.put(team, amount.max(BigDecimal.ZERO)));
            case EVEN ->
                own.forEach((team, amount) -> basis.put(team, amount.signum() > 0 ? BigDecimal.ONE : BigDecimal.ZERO));
            case USAGE, WEIGHTS -> basis.putAll(cost.weights());
        }
        return basis;
    }

    private static String basisName(SharedCost.Rule rule) {
        return switch (rule) {
            case PROPORTIONAL -> "direct spend";
            case USAGE -> "usage";
            case EVEN -> "an even split";
            case WEIGHTS -> "fixed weights";
        };
    }

    /**
     * Rounds each amount to the cent so they add up to {@code total}: each is rounded down, then the cents left go
     * one each to the largest remainders (ties by name).
     */
    private static Map<String, BigDecimal> toCents(Map<String, BigDecimal> exact, BigDecimal total) {
        Map<String, BigDecimal> cents = new TreeMap<>();
        List<Map.Entry<String, BigDecimal>> remainders = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> entry : exact.entrySet()) {
            BigDecimal down = entry.getValue().setScale(2, RoundingMode.FLOOR);
            cents.put(entry.getKey(), down);
            sum = sum.add(down);
            remainders.add(Map.entry(entry.getKey(), entry.getValue().subtract(down)));
        }
        long left = total.subtract(sum).movePointRight(2).longValueExact();
        remainders.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        BigDecimal cent = new BigDecimal("0.01");
        for (int i = 0; left > 0; i = (i + 1) % remainders.size(), left--) {
            cents.merge(remainders.get(i).getKey(), cent, BigDecimal::add);
        }
        for (int i = remainders.size() - 1; left < 0; i = (i - 1 + remainders.size()) % remainders.size(), left++) {
            cents.merge(remainders.get(i).getKey(), cent.negate(), BigDecimal::add);
        }
        return cents;
    }

    private static String money(BigDecimal amount, String currency) {
        return String.format(java.util.Locale.ROOT, "%,.2f %s", amount, currency);
    }

    private static String percent(BigDecimal fraction) {
        return String.format(java.util.Locale.ROOT, "%.2f%%", fraction.movePointRight(2));
    }
}
