package io.fleetcast.core.dataset;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.core.unit.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/data-formats.md} is rendered from the schemas, so the documentation can never drift from what ingestion
 * checks. Run with {@code -Dfleetcast.updateDocs=true} to rewrite it after changing a schema, and review the diff.
 */
class DataFormatsDocumentTest {
    private static final Path DOCUMENT = Path.of("..", "docs", "data-formats.md");

    @Test
    void theDocumentMatchesTheSchemas() throws IOException {
        String rendered = render();
        if (Boolean.getBoolean("fleetcast.updateDocs")) {
            Files.createDirectories(DOCUMENT.getParent());
            Files.writeString(DOCUMENT, rendered, UTF_8);
        }
        assertThat(Files.exists(DOCUMENT))
                .as("%s is missing; run the core tests with -Dfleetcast.updateDocs=true", DOCUMENT)
                .isTrue();
        assertThat(Files.readString(DOCUMENT, UTF_8))
                .as("docs/data-formats.md is out of date; run with -Dfleetcast.updateDocs=true and review the diff")
                .isEqualTo(rendered);
    }

    static String render() {
        StringBuilder doc = new StringBuilder();
        doc.append("# Data formats\n\n")
                .append("<!-- Generated from fleetcast-core's data set schemas by DataFormatsDocumentTest;")
                .append(" do not edit by hand. -->\n\n")
                .append("Fleetcast loads one kind of data per file with `fleetcast ingest KIND FILE...`, or a whole")
                .append(" folder with `fleetcast ingest all DIR`, where each file is named after its kind")
                .append(" (`usage.csv`, `costs.parquet`, `assets.jsonl.gz`). Formats: CSV with a header line (RFC 4180")
                .append(" quoting; `.csv.gz` read compressed), Parquet, and JSON Lines (one object per line).\n\n")
                .append("## Rules for every file\n\n")
                .append("- Column names are matched without regard to case. Columns beyond the data set's own are")
                .append(" kept, as text, in each row's `extra` JSON object; nothing is dropped.\n")
                .append("- An empty field, or the literal `NULL`/`null`, is a missing value. Spaces around values")
                .append(" are ignored.\n")
                .append("- Timestamps: `2026-03-01T13:00:00Z`, `2026-03-01 13:00:00` (read as UTC), with an offset")
                .append(" (`+02:00`), or a bare date (its UTC midnight). Dates: `2026-03-01`.\n")
                .append("- Decimal amounts are kept exactly (up to 18 decimal places); `$10,000.00` is read as")
                .append(" 10000.00.\n")
                .append("- Every row is checked. A file with any bad row loads nothing and the command exits with")
                .append(" code 2, listing up to 20 problems as `FILE:LINE: column \"name\": problem`. With")
                .append(" `--skip-bad` the good rows load and each bad row is kept in the `rejects` table (line,")
                .append(" reason, original text).\n")
                .append("- Each file is one transaction: a load that fails or is killed leaves the store as it was.\n")
                .append("- Loading a file with the same content again changes nothing. A newer file's rows replace")
                .append(" stored rows with the same natural key (for cost lines: every stored line of each billing")
                .append(" period it contains); the ingest log records how many.\n")
                .append("- Every stored row keeps its `ingest_id`, `source_file` and `source_line` (for Parquet,")
                .append(" the row number).\n\n")
                .append("Load order (a kind refers only to kinds before it): ")
                .append(String.join(
                        ", ",
                        Kind.loadOrder().stream()
                                .map(kind -> "`" + kind.tableName() + "`")
                                .toList()))
                .append(".\n\n");
        doc.append("## Units\n\n")
                .append("Quantities are stored in canonical units. A `unit` column converts on load:\n\n")
                .append("| resource | stored in | accepted units |\n|---|---|---|\n");
        for (Resource resource : Resource.values()) {
            doc.append("| `")
                    .append(resource.code())
                    .append("` | ")
                    .append(resource.canonicalUnit())
                    .append(" | ")
                    .append(String.join(", ", resource.acceptedUnits().keySet()))
                    .append(" |\n");
        }
        doc.append('\n');
        for (Kind kind : Kind.loadOrder()) {
            Schema schema = kind.schema();
            doc.append("## `")
                    .append(kind.tableName())
                    .append("`\n\n")
                    .append(schema.description())
                    .append("\n\n");
            doc.append("Natural key: ")
                    .append(String.join(
                            ", ",
                            schema.naturalKey().stream().map(k -> "`" + k + "`").toList()))
                    .append(
                            schema.keyScope() == KeyScope.PARTITION
                                    ? " (a partition: a newer file replaces all its rows)"
                                    : "")
                    .append(".\n\n");
            doc.append("| column | type | required | allowed | description |\n|---|---|---|---|---|\n");
            for (Column column : schema.columns()) {
                doc.append("| `")
                        .append(column.name())
                        .append("` | ")
                        .append(column.type().name().toLowerCase(Locale.ROOT))
                        .append(column.unit().isEmpty() ? "" : " (" + column.unit() + ")")
                        .append(" | ")
                        .append(column.isRequired() ? "yes" : "")
                        .append(" | ")
                        .append(allowed(column))
                        .append(" | ")
                        .append(column.description())
                        .append(" |\n");
            }
            List<Rule> rules = schema.rules();
            if (!rules.isEmpty()) {
                doc.append("\nChecks across columns:\n\n");
                for (Rule rule : rules) {
                    doc.append("- ").append(describe(rule)).append('\n');
                }
            }
            doc.append('\n');
        }
        return doc.toString();
    }

    private static String allowed(Column column) {
        StringBuilder text = new StringBuilder();
        if (!column.choices().isEmpty()) {
            text.append(String.join(
                    ", ", column.choices().stream().map(c -> "`" + c + "`").toList()));
        }
        if (column.hasRange()) {
            text.append(column.describeRange());
        }
        if (column.pattern().isPresent()) {
            text.append(column.patternDescription());
        }
        column.reference()
                .ifPresent(reference -> text.append(text.length() > 0 ? "; " : "")
                        .append("a stored `")
                        .append(reference.kind().tableName())
                        .append('.')
                        .append(reference.column())
                        .append('`'));
        return text.toString();
    }

    private static String describe(Rule rule) {
        if (rule instanceof Rule.NotBefore r) {
            return "`" + r.column() + "` is not before `" + r.earlier() + "`";
        } else if (rule instanceof Rule.RequiredWhen r) {
            return "`" + r.column() + "` is required when `" + r.whenColumn() + "` is "
                    + String.join(" or ", r.values());
        } else if (rule instanceof Rule.AbsentWhen r) {
            return "`" + r.column() + "` must be empty when `" + r.whenColumn() + "` is "
                    + String.join(" or ", r.values());
        } else if (rule instanceof Rule.PositiveWhen r) {
            return "`" + r.column() + "` must be > 0 when `" + r.whenColumn() + "` is "
                    + String.join(" or ", r.values());
        } else if (rule instanceof Rule.AtMostOneOf r) {
            return "at most one of `" + r.first() + "` and `" + r.second() + "`";
        } else if (rule instanceof Rule.UnitOf r) {
            return "`" + r.unitColumn() + "` is a unit of the `" + r.resourceColumn() + "`; "
                    + String.join(
                            ", ",
                            r.valueColumns().stream().map(c -> "`" + c + "`").toList())
                    + " are converted to its canonical unit";
        } else if (rule instanceof Rule.AlignedToGrain r) {
            return "`" + r.timestampColumn() + "` is the start of a UTC hour or day, as `" + r.grainColumn() + "` says";
        } else if (rule instanceof Rule.ReferenceWhen r) {
            return "when `" + r.whenColumn() + "` is " + r.whenValue() + ", `" + r.column() + "` names a stored `"
                    + r.reference().kind().tableName() + "." + r.reference().column() + "`";
        } else if (rule instanceof Rule.Consistent r) {
            return "all stored rows with the same `" + r.key() + "` have the same `" + r.column() + "`";
        }
        throw new IllegalStateException("undocumented rule " + rule);
    }
}
