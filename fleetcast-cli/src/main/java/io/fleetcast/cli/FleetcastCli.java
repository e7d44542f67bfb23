package io.fleetcast.cli;

import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.error.InputError;
import io.fleetcast.core.error.InvalidInputException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
        name = "fleetcast",
        mixinStandardHelpOptions = true,
        versionProvider = FleetcastCli.Version.class,
        description = {
            "Fleetcast: plan, pay for and keep alive a large fleet of machines.",
            "Exit codes: 0 ok, 2 bad input or usage (the message names the file, line and problem), 1 internal error."
        },
        subcommands = {
            DemoCommand.class,
            SimulateCommand.class,
            IngestCommand.class,
            SqlCommand.class,
            ForecastCommand.class,
            ForecastFileCommand.class,
            PlanCommand.class,
            CostCommand.class,
            PrognoseCommand.class,
            LifeCommand.class,
            ServeCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class FleetcastCli {
    /** Exit code for bad input or usage. */
    static final int BAD_INPUT = 2;
    /** Exit code for internal errors. */
    static final int INTERNAL = 1;

    private final boolean interactive;

    FleetcastCli(boolean interactive) {
        this.interactive = interactive;
    }

    // On JDK 17 (our runtime) System.console() is null exactly when no terminal is attached; that is the test.
    @SuppressWarnings("SystemConsoleNull")
    public static void main(String[] args) {
        System.exit(commandLine(System.console() != null).execute(args));
    }

    /** The command line with Fleetcast's exit codes and error rendering; {@code interactive} if a person watches. */
    static CommandLine commandLine(boolean interactive) {
        CommandLine commandLine = new CommandLine(new FleetcastCli(interactive));
        commandLine.setExecutionExceptionHandler(FleetcastCli::handle);
        return commandLine;
    }

    static boolean isInteractive(CommandLine commandLine) {
        Object root = commandLine.getCommandSpec().root().userObject();
        return root instanceof FleetcastCli cli && cli.interactive;
    }

    /** The one place where exceptions become messages and exit codes. */
    private static int handle(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int code;
        String message;
        List<String> problems = new ArrayList<>();
        if (exception instanceof FleetcastException fleetcast) {
            code = fleetcast.kind() == ErrorKind.BAD_INPUT ? BAD_INPUT : INTERNAL;
            message = String.valueOf(fleetcast.getMessage());
            if (fleetcast instanceof InvalidInputException invalid) {
                invalid.errors().stream().map(InputError::render).forEach(problems::add);
            }
            if (code == INTERNAL && fleetcast.getCause() != null) {
                message += " (cause: " + fleetcast.getCause() + ")";
            }
        } else if (exception instanceof UncheckedIOException io) {
            code = INTERNAL;
            message = io.getMessage() + ": " + String.valueOf(io.getCause());
        } else {
            code = INTERNAL;
            message = "internal error: " + exception;
            exception.printStackTrace(err);
        }
        err.println("fleetcast: " + message);
        err.flush();
        if (wantsJson(parseResult)) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("error", message.lines().findFirst().orElse(message));
            document.put("kind", code == BAD_INPUT ? ErrorKind.BAD_INPUT.name() : ErrorKind.INTERNAL.name());
            document.put("problems", problems);
            new Terminal(commandLine.getOut(), err, false).json(document);
        }
        return code;
    }

    private static boolean wantsJson(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult current = parseResult;
        while (current != null) {
            if (current.hasMatchedOption("--json")) {
                return true;
            }
            current = current.subcommand();
        }
        return false;
    }

    /** The version printed by {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Package own = FleetcastCli.class.getPackage();
            String version = own == null ? null : own.getImplementationVersion();
            return new String[] {"fleetcast " + (version == null ? "development build" : version)};
        }
    }
}
