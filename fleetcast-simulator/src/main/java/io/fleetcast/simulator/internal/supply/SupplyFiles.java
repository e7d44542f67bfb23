package io.fleetcast.simulator.internal.supply;

import io.fleetcast.simulator.internal.catalog.Provider;
import io.fleetcast.simulator.internal.catalog.Sku;
import io.fleetcast.simulator.internal.catalog.SkuCatalog;
import io.fleetcast.simulator.internal.csv.CsvField;
import io.fleetcast.simulator.internal.csv.CsvTableWriter;
import io.fleetcast.simulator.internal.timeline.Timeline;
import io.fleetcast.simulator.internal.topology.Cluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the supply side's files: skus, assets and orders, as they stand at the end of the history. */
public final class SupplyFiles {
    private SupplyFiles() {}

    /** skus.csv: every owned generation and cloud instance type. */
    public static void writeSkus(SkuCatalog catalog, CsvTableWriter writer) {
        int sku = writer.column("sku");
        int kind = writer.column("kind");
        int description = writer.column("description");
        int cores = writer.column("cores");
        int memory = writer.column("memory_gib");
        int storage = writer.column("storage_tb");
        int price = writer.column("price_usd");
        int hourly = writer.column("hourly_usd");
        int reserved = writer.column("reserved_hourly_usd");
        int power = writer.column("power_watts");
        int depreciation = writer.column("depreciation_months");
        int lifetime = writer.column("lifetime_months");
        for (Sku value : catalog.all()) {
            writer.text(sku, value.name())
                    .text(kind, value.isCloud() ? "cloud" : "owned")
                    .text(description, value.description())
                    .integer(cores, value.cores())
                    .number(memory, value.memoryGib(), 3)
                    .number(storage, value.storageTb(), 3);
            if (value.isCloud()) {
                writer.micros(hourly, value.hourlyMicros()).micros(reserved, value.reservedHourlyMicros());
            } else {
                writer.micros(price, value.priceMicros())
                        .integer(power, value.powerWatts())
                        .integer(depreciation, value.depreciationMonths())
                        .integer(lifetime, value.lifetimeMonths());
            }
            writer.endRow();
        }
    }

    /**
     * assets.csv: every server and instance installed by the end of the history, with its failure or retirement date
     * when that happened by then.
     */
    public static void writeAssets(Supply supply, Timeline timeline, CsvTableWriter writer) {
        int id = writer.column("asset_id");
        int sku = writer.column("sku");
        int region = writer.column("region");
        int site = writer.column("site");
        int siteKind = writer.column("site_kind");
        int cluster = writer.column("cluster");
        int rack = writer.column("rack");
        int batch = writer.column("batch");
        int ownership = writer.column("ownership");
        int install = writer.column("install_date");
        int failure = writer.column("failure_date");
        int retire = writer.column("retire_date");
        int last = timeline.lastDay();
        List<ClusterFields> clusterFields = new ArrayList<>();
        for (ClusterSupply clusterSupply : supply.clusters()) {
            Cluster home = clusterSupply.cluster();
            clusterFields.add(new ClusterFields(
                    CsvField.of(home.region().name()),
                    CsvField.of(home.site().name()),
                    CsvField.of(home.site().kindCode()),
                    CsvField.of(home.name())));
        }
        for (List<Asset> assets : List.of(supply.owned(), supply.cloud())) {
            for (Asset asset : assets) {
                if (asset.installDay() > last) {
                    continue;
                }
                ClusterFields fields = clusterFields.get(asset.cluster().index());
                writer.text(id, asset.id())
                        .text(sku, asset.sku().name())
                        .text(region, fields.region())
                        .text(site, fields.site())
                        .text(siteKind, fields.siteKind())
                        .text(cluster, fields.cluster())
                        .text(rack, rack(asset))
                        .text(ownership, asset.ownership().code())
                        .date(install, asset.installDay());
                if (!asset.batch().isEmpty()) {
                    writer.text(batch, asset.batch());
                }
                if (asset.fails() && asset.failureDay() <= last) {
                    writer.date(failure, asset.failureDay());
                } else if (asset.retireDay() <= last) {
                    writer.date(retire, asset.retireDay());
                }
                writer.endRow();
            }
        }
    }

    /** orders.csv: every order placed by the end of the history, with its status then. */
    public static void writeOrders(Supply supply, Timeline timeline, CsvTableWriter writer) {
        int id = writer.column("order_id");
        int sku = writer.column("sku");
        int site = writer.column("site");
        int cluster = writer.column("cluster");
        int quantity = writer.column("quantity");
        int ordered = writer.column("ordered_date");
        int promised = writer.column("promised_date");
        int delivered = writer.column("delivered_date");
        int status = writer.column("status");
        int last = timeline.lastDay();
        for (PurchaseOrder order : supply.orders()) {
            if (order.orderedDay() > last) {
                continue;
            }
            String state = order.status(last);
            writer.text(id, order.id())
                    .text(sku, order.sku().name())
                    .text(site, order.cluster().site().name())
                    .text(cluster, order.cluster().name())
                    .integer(quantity, order.quantity())
                    .date(ordered, order.orderedDay())
                    .date(promised, order.promisedDay())
                    .text(status, state);
            if (state.equals("delivered")) {
                writer.date(delivered, order.deliveryDay());
            }
            writer.endRow();
        }
    }

    /** Rack of an owned server ({@code <cluster>-r007}) or availability zone of a cloud instance. */
    static String rack(Asset asset) {
        Cluster cluster = asset.cluster();
        if (!cluster.isCloud()) {
            return String.format(Locale.ROOT, "%s-r%03d", cluster.name(), asset.slot() / cluster.serversPerRack() + 1);
        }
        char zone = (char) ('a' + asset.slot() % 3);
        String regionId = cluster.region().cloudRegionId();
        return cluster.region().cloudProvider() == Provider.GOOGLE_CLOUD ? regionId + "-" + zone : regionId + zone;
    }

    /** The location columns of one cluster's assets, encoded once. */
    private record ClusterFields(CsvField region, CsvField site, CsvField siteKind, CsvField cluster) {}
}
