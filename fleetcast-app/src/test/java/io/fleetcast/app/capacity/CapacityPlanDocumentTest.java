package io.fleetcast.app.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import org.junit.jupiter.api.Test;

class CapacityPlanDocumentTest {
    @Test
    void figuresAreStoredToTheThousandth() {
        assertThat(CapacityPlanDocument.round(1234.56789)).isEqualTo(1234.568);
        assertThat(CapacityPlanDocument.round(-0.0004)).isEqualTo(0.0);
    }

    /** Rounding turned NaN into 0, which a plan would have shown as a real supply or demand of nothing. */
    @Test
    void aFigureThatIsNotANumberIsADefectNotAZero() {
        for (double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> CapacityPlanDocument.round(value))
                    .isInstanceOf(FleetcastException.class)
                    .hasMessage("a capacity plan figure came out " + value + "; plans store finite numbers only")
                    .extracting(error -> ((FleetcastException) error).kind())
                    .isEqualTo(ErrorKind.INTERNAL);
        }
    }
}
