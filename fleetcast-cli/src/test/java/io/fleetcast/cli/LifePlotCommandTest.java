package io.fleetcast.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleetcast life plot} through the real command line: images written, bad requests refused with exit 2. */
class LifePlotCommandTest {
    @TempDir
    Path folder;

    private Path lifeData() throws IOException {
        Path file = folder.resolve("life.csv");
        Files.write(file, "time,state,count\n17,F,1\n5,F,1\n12,F,1\n20,S,1\n25,S,1\n".getBytes(UTF_8));
        return file;
    }

    @Test
    void writesAProbabilityPlotAsPngOfTheSizeAskedAndSaysSo() throws IOException {
        Path input = lifeData();
        Path out = folder.resolve("weibull.png");

        CliRun run = CliRun.of(
                "life",
                "plot",
                "--input",
                input.toString(),
                "--kind",
                "probability",
                "--out",
                out.toString(),
                "--width",
                "500",
                "--height",
                "400",
                "--unit",
                "days");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains("wrote " + out)
                .contains("probability plot")
                .contains("PNG 500 × 400");
        BufferedImage image = ImageIO.read(out.toFile());
        assertThat(image.getWidth()).isEqualTo(500);
        assertThat(image.getHeight()).isEqualTo(400);
    }

    @Test
    void writesKaplanMeierAndHazardPlotsAsSvg() throws IOException {
        Path input = lifeData();
        for (String kind : new String[] {"km", "hazard"}) {
            Path out = folder.resolve(kind + ".svg");

            CliRun run = CliRun.of(
                    "life",
                    "plot",
                    "--input",
                    input.toString(),
                    "--kind",
                    kind,
                    "--dist",
                    "lognormal2p",
                    "--out",
                    out.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            String svg = Files.readString(out, UTF_8);
            assertThat(svg).startsWith("<?xml").contains("<svg").contains("Lognormal_2P by MLE: mu = ");
            assertThat(svg).contains(kind.equals("km") ? "Kaplan–Meier" : "Nelson–Aalen");
        }
    }

    /** A run of {@code life plot} that must be refused with exit code 2; what it said on stderr. */
    private static String refused(Path input, String kind, Path out) {
        CliRun run = CliRun.of("life", "plot", "--input", input.toString(), "--kind", kind, "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        return run.err();
    }

    @Test
    void refusesAnUnknownKindAnUnknownExtensionAnUnwritableFileAndBadDataWithExitTwo() throws IOException {
        Path input = lifeData();

        assertThat(refused(input, "pie", folder.resolve("a.svg")))
                .contains("unknown plot kind \"pie\"; use probability, km or hazard");
        assertThat(refused(input, "km", folder.resolve("a.gif")))
                .contains("a.gif")
                .contains("name it .svg or .png");
        Path unwritable = folder.resolve("missing").resolve("a.svg");
        assertThat(refused(input, "km", unwritable))
                .contains("cannot write " + unwritable)
                .contains("does not exist");
        Files.createDirectory(folder.resolve("taken.svg"));
        assertThat(refused(input, "km", folder.resolve("taken.svg"))).contains("cannot write");

        Files.write(input, "time,state\n1,F\n2,Q\n".getBytes(UTF_8));
        assertThat(refused(input, "km", folder.resolve("b.svg"))).contains("life.csv:3: column \"state\"");
        assertThat(folder.resolve("b.svg")).doesNotExist();
    }
}
