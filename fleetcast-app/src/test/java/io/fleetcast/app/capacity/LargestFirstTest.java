package io.fleetcast.app.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class LargestFirstTest {
    @Test
    void everyTaskRunsOnce() {
        AtomicIntegerArray runs = new AtomicIntegerArray(100);

        LargestFirst.run(100, index -> index % 7, runs::incrementAndGet);

        for (int i = 0; i < 100; i++) {
            assertThat(runs.get(i)).as("runs of task %d", i).isEqualTo(1);
        }
    }

    @Test
    void aFailingTaskIsRethrownAfterTheOthersFinish() {
        AtomicIntegerArray runs = new AtomicIntegerArray(20);
        IllegalStateException failure = new IllegalStateException("task 3 failed");

        assertThatThrownBy(() -> LargestFirst.run(20, index -> 20 - index, index -> {
                    if (index == 3) {
                        throw failure;
                    }
                    runs.incrementAndGet(index);
                }))
                .isSameAs(failure);
        for (int i = 0; i < 20; i++) {
            assertThat(runs.get(i)).as("runs of task %d", i).isEqualTo(i == 3 ? 0 : 1);
        }
    }
}
