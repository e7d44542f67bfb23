package io.fleetcast.cli;

import picocli.CommandLine.Command;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmarks that measure Fleetcast next to a peer on the same input in the same run and report the ratio"
                    + " (machines are noisy; absolute times alone mislead)."
        },
        subcommands = {
            BenchIngestCommand.class,
            BenchSimulateCommand.class,
            BenchForecastCommand.class,
            BenchReconcileCommand.class,
            BenchLifeCommand.class,
            BenchPlanCommand.class,
            BenchCostCommand.class,
            BenchRulCommand.class,
            BenchDrivesCommand.class
        })
final class BenchCommand {}
