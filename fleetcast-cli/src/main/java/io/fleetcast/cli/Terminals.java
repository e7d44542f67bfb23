package io.fleetcast.cli;

import picocli.CommandLine.Model.CommandSpec;

/** The {@link Terminal} of a running command. */
final class Terminals {
    private Terminals() {}

    static Terminal of(CommandSpec spec) {
        return new Terminal(
                spec.commandLine().getOut(),
                spec.commandLine().getErr(),
                FleetcastCli.isInteractive(spec.commandLine()));
    }
}
