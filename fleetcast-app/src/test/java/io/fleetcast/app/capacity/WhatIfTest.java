package io.fleetcast.app.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.core.error.FleetcastException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing the command line's what-ifs: what they change, and a clear error for each kind of slip. */
class WhatIfTest {
    @Test
    void parsesEachKindOfChange() {
        WhatIf whatIf = WhatIf.parse(
                List.of("1.2", "c01=1.5"),
                List.of("c01:compute-2026:40@2027-01-15"),
                List.of("PO-7:-14"),
                List.of("c02:memory:512"));

        assertThat(whatIf.scale("c01")).isEqualTo(1.5);
        assertThat(whatIf.scale("c09")).isEqualTo(1.2);
        assertThat(whatIf.delays()).containsEntry("PO-7", -14);
        assertThat(whatIf.describe())
                .containsExactly(
                        "demand × 1.2 everywhere",
                        "demand × 1.5 in c01",
                        "+40 × compute-2026 in c01 from 2027-01-15",
                        "order PO-7 -14 days later",
                        "512 GiB more for requests in c02");
        assertThat(whatIf.isEmpty()).isFalse();
        assertThat(WhatIf.NONE.withMixedLines().isEmpty()).isFalse();
        assertThat(WhatIf.NONE.withMixedLines().describe())
                .containsExactly("orders mix the newest SKU of every product line in, at the least cost");
    }

    @Test
    void numbersOutOfRangeAreNamedNotThrownAsParseErrors() {
        assertThatThrownBy(() -> WhatIf.parse(List.of(), List.of("c01:compute-2026:99999999999999999999"), List.of()))
                .isInstanceOf(FleetcastException.class)
                .hasMessage("--add-supply c01:compute-2026:99999999999999999999: the quantity must be 1 to 10000000"
                        + " servers, got 99999999999999999999");
        assertThatThrownBy(() -> WhatIf.parse(List.of(), List.of("c01:compute-2026:0"), List.of()))
                .isInstanceOf(FleetcastException.class)
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> WhatIf.parse(List.of(), List.of(), List.of("PO-1:-9999999999999")))
                .isInstanceOf(FleetcastException.class)
                .hasMessage("--delay-order PO-1:-9999999999999: the delay must be within ±3650 days, got"
                        + " -9999999999999");
        assertThatThrownBy(() -> WhatIf.parse(List.of("c01=5000"), List.of(), List.of()))
                .isInstanceOf(FleetcastException.class)
                .hasMessage("--scale-demand c01=5000: the factor must be above 0 and at most 1000");
        assertThatThrownBy(() -> WhatIf.parse(List.of(), List.of(), List.of(), List.of("c01:cpu:" + "9".repeat(400))))
                .isInstanceOf(FleetcastException.class)
                .hasMessageContaining("the amount must be positive");
        assertThatThrownBy(() -> WhatIf.parse(List.of(), List.of("c01:compute-2026:5@2027-02-30"), List.of()))
                .isInstanceOf(FleetcastException.class)
                .hasMessageContaining("2027-02-30 is not a date");
        assertThatThrownBy(() -> WhatIf.parse(List.of("c01=1.1", "c01=1.2"), List.of(), List.of()))
                .isInstanceOf(FleetcastException.class)
                .hasMessageContaining("names the same cluster or order twice");
    }
}
