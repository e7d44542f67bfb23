package io.fleetcast.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KindTest {

    @Test
    void everyReferencePointsToAnEarlierKindsExistingColumn() {
        List<String> problems = new ArrayList<>();
        for (Kind kind : Kind.loadOrder()) {
            List<Reference> references = new ArrayList<>();
            kind.schema().columns().forEach(column -> column.reference().ifPresent(references::add));
            kind.schema().rules().stream()
                    .filter(rule -> rule instanceof Rule.ReferenceWhen)
                    .map(rule -> ((Rule.ReferenceWhen) rule).reference())
                    .forEach(references::add);
            for (Reference reference : references) {
                List<Kind> order = Kind.loadOrder();
                if (order.indexOf(reference.kind()) >= order.indexOf(kind)) {
                    problems.add(kind + " refers to " + reference + ", which loads later");
                }
                if (reference.kind().schema().column(reference.column()).isEmpty()) {
                    problems.add(kind + " refers to missing column " + reference);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void parsesTableNamesCaseInsensitively() {
        assertThat(Kind.parse("Usage")).contains(Kind.USAGE);
        assertThat(Kind.parse(" costs ")).contains(Kind.COSTS);
        assertThat(Kind.parse("usages")).isEmpty();
        assertThat(Kind.USAGE.tableName()).isEqualTo("usage");
    }

    @Test
    void focusSchemaKeepsSpecificationColumnNames() {
        Schema costs = Kind.COSTS.schema();
        assertThat(costs.columnNames()).contains("BilledCost", "EffectiveCost", "ChargePeriodStart", "Tags");
        assertThat(costs.column("billedcost")).isPresent();
        assertThat(costs.keyScope()).isEqualTo(KeyScope.PARTITION);
    }

    @Test
    void describesRangesAsUsersReadThem() {
        Column cores = Kind.SKUS.schema().column("cores").orElseThrow();
        Column memory = Kind.SKUS.schema().column("memory_gib").orElseThrow();
        assertThat(cores.describeRange()).isEqualTo(">= 1");
        assertThat(memory.describeRange()).isEqualTo("> 0");
        assertThat(Kind.SKUS.schema().column("sku").orElseThrow().describeRange())
                .isEmpty();
    }
}
