package io.fleetcast.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EtsModelTest {
    @Test
    void parsesAndNamesModels() {
        EtsModel model = EtsModel.parse("MAdM", 12);

        assertThat(model.name()).isEqualTo("ETS(M,Ad,M)");
        assertThat(model.parameterCount()).isEqualTo(2 + 2 + 1 + 12);
        assertThat(EtsModel.parse("ANN", 12).period()).isEqualTo(1);
        assertThatThrownBy(() -> EtsModel.parse("AXN", 1)).hasMessageContaining("unknown ETS trend type");
    }

    @Test
    void candidatesFollowRsDefaults() {
        assertThat(EtsEstimator.candidates(12, true)).hasSize(15);
        assertThat(EtsEstimator.candidates(12, false)).hasSize(6);
        assertThat(EtsEstimator.candidates(1, true)).hasSize(6);
    }

    @Test
    void refusesMultiplicativeModelsForNonPositiveData() {
        assertThatThrownBy(() -> EtsEstimator.fit(new double[] {1, 2, 0, 4, 5, 6, 7, 8}, EtsModel.parse("MNN", 1)))
                .hasMessage("ETS(M,N,N) needs positive data; observation 3 is 0.0");
    }
}
