package io.fleetcast.store.duckdb;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.CostQueries;
import io.fleetcast.store.cost.CapacityDay;
import io.fleetcast.store.cost.CommitmentRate;
import io.fleetcast.store.cost.CostGroup;
import io.fleetcast.store.cost.CostGroupQuery;
import io.fleetcast.store.cost.DriverDay;
import io.fleetcast.store.cost.OnDemandDay;
import io.fleetcast.store.cost.OwnedServerDay;
import io.fleetcast.store.cost.OwnerRoute;
import io.fleetcast.store.cost.ServiceOwner;
import io.fleetcast.store.cost.StoredBudget;
import io.fleetcast.store.fleet.DataSpan;
import io.fleetcast.store.utilization.SkuPrice;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@link CostQueries} on the DuckDB store. The lines of the window are read once: each line's owner is resolved by
 * joining the ownership mapping (one row per service, so a line is never counted twice), then the lines are summed
 * per group. Tag keys are bound parameters (JSON paths); dates are literals from {@link LocalDate} values.
 */
public final class DuckDbCostQueries implements CostQueries {
    /** One row per service: the latest load's owner. */
    private static final String OWNERS = "SELECT service, arg_max(team, ingest_id) AS team,"
            + " arg_max(org, ingest_id) AS org FROM services GROUP BY service";

    private final DuckDbStore store;

    public DuckDbCostQueries(DuckDbStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public Optional<DataSpan> chargeDays() {
        String sql = "SELECT CAST(min(ChargePeriodStart) AS DATE), CAST(max(ChargePeriodStart) AS DATE) FROM costs";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            LocalDate first = rs.getObject(1, LocalDate.class);
            LocalDate last = rs.getObject(2, LocalDate.class);
            return first == null || last == null ? Optional.empty() : Optional.of(new DataSpan(first, last));
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the days of the cost lines failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<CostGroup> dailyGroups(CostGroupQuery query) {
        requireNonNull(query, "query is null");
        StringBuilder teamTag = new StringBuilder("coalesce(");
        for (int i = 0; i < query.teamTags().size(); i++) {
            teamTag.append(i == 0 ? "" : ", ").append("nullif(trim(json_extract_string(Tags, ?)), '')");
        }
        teamTag.append(", NULL)");
        String sql = "WITH owners AS (" + OWNERS + "),"
                + " lines AS (SELECT CAST(ChargePeriodStart AS DATE) AS day, " + teamTag + " AS tag_team,"
                + " nullif(trim(json_extract_string(Tags, ?)), '') AS tag_service, ResourceName,"
                + " coalesce(RegionId, RegionName) AS region, SkuId, ServiceName, ChargeCategory, BillingCurrency,"
                + " BilledCost, coalesce(EffectiveCost, BilledCost) AS effective, coalesce(ListCost, BilledCost) AS list,"
                + " coalesce(ContractedCost, BilledCost) AS contracted FROM costs"
                + " WHERE ChargePeriodStart >= CAST(" + SqlLiterals.date(query.from()) + " AS TIMESTAMPTZ)"
                + " AND ChargePeriodStart < CAST(" + SqlLiterals.date(query.to().plusDays(1)) + " AS TIMESTAMPTZ))"
                + " SELECT l.day, coalesce(l.tag_team, st.team, rn.team) AS team,"
                + " coalesce(l.tag_service, rn.service) AS service,"
                + " CASE WHEN l.tag_team IS NOT NULL THEN 'TEAM_TAG' WHEN st.team IS NOT NULL THEN 'SERVICE_TAG'"
                + " WHEN rn.team IS NOT NULL THEN 'RESOURCE_NAME' ELSE 'NONE' END AS route,"
                + " l.region, l.SkuId, l.ServiceName, l.ChargeCategory, l.BillingCurrency,"
                + " sum(l.BilledCost), sum(l.effective), sum(l.list), sum(l.contracted), count(*)"
                + " FROM lines l LEFT JOIN owners st ON l.tag_team IS NULL AND st.service = l.tag_service"
                + " LEFT JOIN owners rn ON l.tag_team IS NULL AND l.tag_service IS NULL AND rn.service = l.ResourceName"
                + " GROUP BY ALL ORDER BY ALL";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameter = 1;
            for (String key : query.teamTags()) {
                statement.setString(parameter++, jsonPath(key));
            }
            statement.setString(parameter, jsonPath(query.serviceTag()));
            ImmutableList.Builder<CostGroup> groups = ImmutableList.builder();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    groups.add(new CostGroup(
                            rs.getObject(1, LocalDate.class),
                            rs.getString(2),
                            rs.getString(3),
                            OwnerRoute.valueOf(rs.getString(4)),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            amount(rs, 10),
                            amount(rs, 11),
                            amount(rs, 12),
                            amount(rs, 13),
                            rs.getLong(14)));
                }
            }
            return groups.build();
        } catch (SQLException e) {
            throw FleetcastException.internal("summing the cost lines failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<OnDemandDay> onDemandDays(LocalDate from, LocalDate to) {
        String sql = "SELECT SkuId, coalesce(RegionId, RegionName, ''), CAST(ChargePeriodStart AS DATE),"
                + " sum(ConsumedQuantity), sum(coalesce(EffectiveCost, BilledCost)) FROM costs"
                + " WHERE ChargeCategory = 'Usage' AND CommitmentDiscountId IS NULL"
                + " AND coalesce(PricingCategory, 'Standard') = 'Standard' AND lower(ConsumedUnit) IN ('hour', 'hours')"
                + " AND ConsumedQuantity > 0 AND SkuId IS NOT NULL"
                + " AND ChargePeriodStart >= CAST(" + SqlLiterals.date(from) + " AS TIMESTAMPTZ)"
                + " AND ChargePeriodStart < CAST(" + SqlLiterals.date(to.plusDays(1)) + " AS TIMESTAMPTZ)"
                + " GROUP BY ALL ORDER BY ALL";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            ImmutableList.Builder<OnDemandDay> days = ImmutableList.builder();
            while (rs.next()) {
                days.add(new OnDemandDay(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        amount(rs, 4),
                        amount(rs, 5)));
            }
            return days.build();
        } catch (SQLException e) {
            throw FleetcastException.internal("reading on-demand usage failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<CommitmentRate> commitmentRates() {
        String sql = "WITH observed AS (SELECT SkuId AS sku, sum(EffectiveCost) / sum(ConsumedQuantity) AS rate"
                + " FROM costs WHERE ChargeCategory = 'Usage' AND CommitmentDiscountId IS NOT NULL"
                + " AND lower(ConsumedUnit) IN ('hour', 'hours') AND ConsumedQuantity > 0 AND EffectiveCost IS NOT NULL"
                + " AND SkuId IS NOT NULL GROUP BY SkuId),"
                + " catalog AS (SELECT sku, arg_max(reserved_hourly_usd, ingest_id) AS rate FROM skus"
                + " WHERE reserved_hourly_usd IS NOT NULL GROUP BY sku)"
                + " SELECT coalesce(o.sku, c.sku) AS sku, o.rate, c.rate FROM observed o FULL JOIN catalog c"
                + " ON o.sku = c.sku ORDER BY 1";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            ImmutableList.Builder<CommitmentRate> rates = ImmutableList.builder();
            while (rs.next()) {
                rates.add(new CommitmentRate(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)));
            }
            return rates.build();
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the committed rates failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<DriverDay> driverDays(LocalDate from, LocalDate to) {
        String sql = "SELECT driver, service, arg_max(unit, ingest_id), date, arg_max(value, ingest_id) FROM drivers"
                + " WHERE date >= " + SqlLiterals.date(from) + " AND date <= " + SqlLiterals.date(to)
                + " GROUP BY driver, service, date ORDER BY driver, service NULLS FIRST, date";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            ImmutableList.Builder<DriverDay> days = ImmutableList.builder();
            while (rs.next()) {
                days.add(new DriverDay(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getDouble(5)));
            }
            return days.build();
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the traffic drivers failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<OwnedServerDay> ownedServerDays(LocalDate from, LocalDate to) {
        String sql = "WITH days AS (SELECT CAST(range AS DATE) AS day FROM range(" + SqlLiterals.date(from) + ", "
                + SqlLiterals.date(to.plusDays(1)) + ", INTERVAL 1 DAY))"
                + " SELECT a.cluster, a.site, a.region, a.sku, d.day, count(*),"
                + " count(*) FILTER (WHERE d.day < a.install_date + to_months(CAST(s.depreciation_months AS INTEGER)))"
                + " FROM assets a JOIN skus s ON s.sku = a.sku AND s.kind = 'owned'"
                + " JOIN days d ON a.install_date <= d.day AND (a.failure_date IS NULL OR a.failure_date > d.day)"
                + " AND (a.retire_date IS NULL OR a.retire_date > d.day)"
                + " WHERE a.ownership = 'owned' GROUP BY ALL ORDER BY ALL";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            ImmutableList.Builder<OwnedServerDay> days = ImmutableList.builder();
            while (rs.next()) {
                days.add(new OwnedServerDay(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getInt(6),
                        rs.getInt(7)));
            }
            return days.build();
        } catch (SQLException e) {
            throw FleetcastException.internal("counting the owned servers failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<CapacityDay> allocationDays(LocalDate from, LocalDate to) {
        return capacityDays(from, to, "allocated");
    }

    @Override
    public List<CapacityDay> usedDays(LocalDate from, LocalDate to) {
        return capacityDays(from, to, "used");
    }

    /** Daily usage rows' {@code column} (allocated or used) per cluster, service and day, per resource. */
    private List<CapacityDay> capacityDays(LocalDate from, LocalDate to, String column) {
        String sql = "SELECT cluster, service, CAST(ts AS DATE) AS day, sum(" + column + ") FILTER (WHERE resource ="
                + " 'cpu'), sum(" + column + ") FILTER (WHERE resource = 'memory'), sum(" + column + ") FILTER (WHERE"
                + " resource = 'storage') FROM usage WHERE grain = 'day' AND " + column + " IS NOT NULL"
                + " AND ts >= CAST(" + SqlLiterals.date(from) + " AS TIMESTAMPTZ)"
                + " AND ts < CAST(" + SqlLiterals.date(to.plusDays(1)) + " AS TIMESTAMPTZ)"
                + " GROUP BY ALL ORDER BY ALL";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            ImmutableList.Builder<CapacityDay> days = ImmutableList.builder();
            while (rs.next()) {
                days.add(new CapacityDay(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getDouble(4),
                        rs.getDouble(5),
                        rs.getDouble(6)));
            }
            return days.build();
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the daily " + column + " capacity failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<SkuPrice> ownedSkus() {
        try (Connection connection = store.newConnection()) {
            return DuckDbUtilizationQueries.skus(connection).stream()
                    .filter(sku -> sku.kind().equals("owned"))
                    .toList();
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the SKU catalog failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredBudget> budgets() {
        String sql = "SELECT team, period, arg_max(amount, ingest_id), arg_max(currency, ingest_id),"
                + " arg_max(source_file, ingest_id), arg_max(source_line, ingest_id) FROM budgets"
                + " GROUP BY team, period ORDER BY team, period";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            ImmutableList.Builder<StoredBudget> budgets = ImmutableList.builder();
            while (rs.next()) {
                budgets.add(new StoredBudget(
                        rs.getString(1),
                        rs.getString(2),
                        amount(rs, 3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6)));
            }
            return budgets.build();
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the budgets failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<ServiceOwner> owners() {
        String sql = OWNERS + " ORDER BY service";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            ImmutableList.Builder<ServiceOwner> owners = ImmutableList.builder();
            while (rs.next()) {
                owners.add(new ServiceOwner(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
            return owners.build();
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the services' owners failed: " + e.getMessage(), e);
        }
    }

    /** The JSON path of a top-level key, quoted so any key works ({@code $."cost-center"}). */
    private static String jsonPath(String key) {
        return "$.\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static BigDecimal amount(ResultSet rs, int column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? BigDecimal.ZERO : value;
    }
}
