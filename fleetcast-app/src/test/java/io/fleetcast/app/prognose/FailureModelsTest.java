package io.fleetcast.app.prognose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FailureModelsTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    private static final int HORIZON = 10;

    /** 40 assets over 60 days; every asset-day labelled, its label known on the last day of its 10-day horizon. */
    private final List<TrainingRows.AssetDay> keys = new ArrayList<>();

    private final List<FailureModels.Example> examples = new ArrayList<>();

    FailureModelsTest() {
        for (int asset = 0; asset < 40; asset++) {
            for (int day = 0; day < 60; day++) {
                LocalDate date = FIRST.plusDays(day);
                keys.add(new TrainingRows.AssetDay("srv-" + asset, date));
                examples.add(
                        new FailureModels.Example(keys.size() - 1, asset % 10 == 0 ? 1 : 0, 1, date.plusDays(HORIZON)));
            }
        }
    }

    @Test
    void timeOrderedFoldsLearnOnlyWhatWasKnownBeforeTheirBlockAndNeverTheJudgedAssets() {
        LocalDate judgedUntil = FIRST.plusDays(49);
        List<FailureModels.Split> splits = FailureModels.timeSplits(keys, examples, 3, FIRST, judgedUntil);

        // 50 days in 4 blocks (12, 13, 12, 13 days); the 3 later blocks are judged, each in two halves of the assets.
        assertThat(splits).hasSize(6);
        List<LocalDate> starts =
                List.of(LocalDate.of(2026, 1, 13), LocalDate.of(2026, 1, 26), LocalDate.of(2026, 2, 7));
        List<LocalDate> ends = List.of(LocalDate.of(2026, 1, 25), LocalDate.of(2026, 2, 6), judgedUntil);
        Set<Integer> heldOnce = new HashSet<>();
        for (int s = 0; s < splits.size(); s++) {
            FailureModels.Split split = splits.get(s);
            TreeSet<LocalDate> heldDays = new TreeSet<>();
            Set<String> heldAssets = new HashSet<>();
            for (int i : split.held()) {
                heldDays.add(day(i));
                heldAssets.add(asset(i));
                assertThat(heldOnce.add(i)).as("example %s is judged once", i).isTrue();
            }
            LocalDate start = starts.get(s / 2);
            assertThat(heldDays.first()).isEqualTo(start);
            assertThat(heldDays.last()).isEqualTo(ends.get(s / 2));
            assertThat(split.train()).isNotEmpty().allSatisfy(i -> {
                // Nothing learned was known on or after the block's first day, nor about an asset it judges.
                assertThat(examples.get(i).knownOn()).isBefore(start);
                assertThat(heldAssets).doesNotContain(asset(i));
            });
        }
        // Every day of the judged blocks is judged, for every asset; the first block and the days after are not.
        for (int i = 0; i < examples.size(); i++) {
            boolean judged = !day(i).isBefore(starts.get(0)) && !day(i).isAfter(judgedUntil);
            assertThat(heldOnce.contains(i)).as("example %s on %s", i, day(i)).isEqualTo(judged);
        }
    }

    @Test
    void groupedFoldsHoldEachAssetOutWhole() {
        List<FailureModels.Split> splits = FailureModels.groupedSplits(keys, examples, 5);
        Set<Integer> held = new HashSet<>();
        for (FailureModels.Split split : splits) {
            Set<String> heldAssets = new HashSet<>();
            split.held().forEach(i -> heldAssets.add(asset(i)));
            assertThat(split.train()).allSatisfy(i -> assertThat(heldAssets).doesNotContain(asset(i)));
            assertThat(split.train().size() + split.held().size()).isEqualTo(examples.size());
            held.addAll(split.held());
        }
        assertThat(held).hasSize(examples.size());
    }

    private LocalDate day(int example) {
        return keys.get(examples.get(example).row()).day();
    }

    private String asset(int example) {
        return keys.get(examples.get(example).row()).assetId();
    }
}
