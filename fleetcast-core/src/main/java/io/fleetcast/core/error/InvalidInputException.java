package io.fleetcast.core.error;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * Input that was rejected as a whole: carries the first problems found (at most a cap chosen by the thrower) and how
 * many there were in all. Its message lists them one per line.
 */
public final class InvalidInputException extends FleetcastException {
    private static final long serialVersionUID = 1L;

    private final List<InputError> errors;
    private final long totalErrors;

    public InvalidInputException(String summary, List<InputError> errors, long totalErrors) {
        super(ErrorKind.BAD_INPUT, message(summary, errors, totalErrors));
        checkArgument(!errors.isEmpty(), "errors must not be empty");
        checkArgument(totalErrors >= errors.size(), "totalErrors %s < listed errors %s", totalErrors, errors.size());
        this.errors = List.copyOf(errors);
        this.totalErrors = totalErrors;
    }

    /** The problems listed, in input order; at most the thrower's cap. */
    public List<InputError> errors() {
        return errors;
    }

    /** How many problems were found, including those not listed. */
    public long totalErrors() {
        return totalErrors;
    }

    private static String message(String summary, List<InputError> errors, long totalErrors) {
        StringBuilder text = new StringBuilder(summary);
        for (InputError error : errors) {
            text.append(System.lineSeparator()).append("  ").append(error.render());
        }
        long unlisted = totalErrors - errors.size();
        if (unlisted > 0) {
            text.append(System.lineSeparator())
                    .append("  ... and ")
                    .append(unlisted)
                    .append(" more problem")
                    .append(unlisted == 1 ? "" : "s");
        }
        return text.toString();
    }
}
