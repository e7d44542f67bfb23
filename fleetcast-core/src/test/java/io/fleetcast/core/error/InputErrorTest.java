package io.fleetcast.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InputErrorTest {

    @Test
    void rendersFileLineColumnAndProblem() {
        InputError error =
                new InputError(new SourceLocation("usage.csv", 1042), "used", "expected a number, got \"12,5\"");
        assertThat(error.render()).isEqualTo("usage.csv:1042: column \"used\": expected a number, got \"12,5\"");
    }

    @Test
    void rendersWholeFileProblemsWithoutLineOrColumn() {
        assertThat(new InputError(SourceLocation.of("assets.csv"), "", "file is empty").render())
                .isEqualTo("assets.csv: file is empty");
    }

    @Test
    void invalidInputListsErrorsAndCountsTheRest() {
        List<InputError> errors = List.of(new InputError(new SourceLocation("a.csv", 2), "x", "bad"));
        InvalidInputException exception = new InvalidInputException("a.csv was not loaded", errors, 5);
        assertThat(exception.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(exception.getMessage())
                .isEqualTo(String.join(
                        System.lineSeparator(),
                        "a.csv was not loaded",
                        "  a.csv:2: column \"x\": bad",
                        "  ... and 4 more problems"));
    }

    @Test
    void rejectsNegativeLines() {
        assertThatThrownBy(() -> new SourceLocation("a.csv", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got -1");
    }
}
