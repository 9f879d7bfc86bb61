package dev.biasinspector.session;

import dev.biasinspector.model.BiasChange;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.testing.DemoModels;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * What the app does when the user opens, reopens, compares and cancels, on the same-thread runner:
 * no window, no threads, no waiting. Values are checked against PyTorch's ({@code models/expected.json}).
 */
class BiasSessionTest {

    private static final Path SIMPLE_NET = DemoModels.path("simple_net.pt");
    private static final Path TRAINED = DemoModels.path("simple_net_trained.pt");

    @TempDir
    Path temp;

    private final Events events = new Events();

    private BiasSession session(TaskRunner tasks) {
        BiasSession session = new BiasSession(tasks, null);
        session.addListener(events);
        return session;
    }

    @Test
    void openingAFileShowsItsFirstLinearBiasWithPyTorchsValues() {
        BiasSession session = session(TaskRunner.sameThread());

        session.open(SIMPLE_NET);

        assertThat(session.current()).isPresent();
        assertThat(names(session.selection())).containsExactly("fc1.bias");
        ChartContent.Biases shown = (ChartContent.Biases) session.content().orElseThrow();
        assertThat(shown.vectors().get(0).values()).containsExactly(DemoModels.values("simple_net.pt", "fc1.bias"));
        assertThat(session.status()).startsWith("torchscript").contains("2 biases (2 Linear)");
        assertThat(session.isLoading()).isFalse();
        assertThat(events.seen).containsSubsequence("model", "selection", "chart");
        assertThat(events.failures).isEmpty();
    }

    @Test
    void aFileReadAheadOpensWithPyTorchsValuesAndItsFirstBiasAlreadyRead() throws Exception {
        ReadAhead ahead = ReadAhead.start(SIMPLE_NET);
        // What the window's start-up relies on: the bias it shows first is read with the model.
        assertThat(ahead.take().cached("fc1.bias")).get()
                .satisfies(v -> assertThat(v.values()).containsExactly(DemoModels.values("simple_net.pt", "fc1.bias")));
        QueuedTasks tasks = new QueuedTasks();
        BiasSession session = session(tasks);

        session.open(ahead);
        assertThat(session.busy()).contains("Opening simple_net.pt\u2026");
        tasks.runAll();

        assertThat(names(session.selection())).containsExactly("fc1.bias");
        ChartContent.Biases shown = (ChartContent.Biases) session.content().orElseThrow();
        assertThat(shown.vectors().get(0).values()).containsExactly(DemoModels.values("simple_net.pt", "fc1.bias"));
        assertThat(session.status()).startsWith("torchscript").contains("2 biases (2 Linear)");
        assertThat(events.failures).isEmpty();
    }

    @Test
    void aReadAheadOfTheLastModelOrTheDemoShowsTheLayerAskedFor() throws Exception {
        BiasSession session = session(TaskRunner.sameThread());

        ReadAhead last = ReadAhead.start(SIMPLE_NET, List.of("fc2.bias"));
        assertThat(last.take().cached("fc2.bias")).isPresent();
        session.open(last);
        assertThat(names(session.selection())).containsExactly("fc2.bias");
        assertThat(((ChartContent.Biases) session.content().orElseThrow()).vectors().get(0).values())
                .containsExactly(DemoModels.values("simple_net.pt", "fc2.bias"));

        session.open(ReadAhead.demo());
        assertThat(session.current().orElseThrow().source().userPath()).isEmpty();
        assertThat(names(session.selection())).containsExactly("fc1.bias");
        assertThat(((ChartContent.Biases) session.content().orElseThrow()).vectors().get(0).values())
                .containsExactly(DemoModels.values("simple_net.pt", "fc1.bias"));
        assertThat(events.failures).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadAheadFailsAsOpeningItWouldAndTheOpenModelStays() throws IOException {
        BiasSession session = session(TaskRunner.sameThread());
        session.open(SIMPLE_NET);
        OpenModel open = session.current().orElseThrow();
        Path truncated = cutInHalf(TRAINED, "cut.pt");
        Path notAModel = Files.writeString(temp.resolve("notes.onnx"), "not a model");

        session.open(ReadAhead.start(temp.resolve("gone.pt")));
        session.open(ReadAhead.start(truncated));
        session.open(ReadAhead.start(notAModel));
        session.open(truncated);

        assertThat(session.current()).containsSame(open);
        assertThat(events.failures).hasSize(4);
        assertThat(events.failures.get(0).sentence()).isEqualTo("gone.pt could not be opened: the file does not exist.");
        assertThat(events.failures.get(1).sentence()).startsWith("cut.pt could not be opened: ")
                .isEqualTo(events.failures.get(3).sentence());
        assertThat(events.failures.get(2).sentence()).startsWith("notes.onnx could not be opened: ").endsWith(".")
                .doesNotContain("\n");
        assertThat(events.failures).extracting(SessionListener.Failure::title).containsOnly("Cannot Open Model");
    }

    @Test
    void aFileOpenedWhileAnotherIsReadAheadReplacesIt() {
        QueuedTasks tasks = new QueuedTasks();
        BiasSession session = session(tasks);

        session.open(ReadAhead.start(SIMPLE_NET));
        session.open(TRAINED);
        tasks.runAll();

        assertThat(session.current().orElseThrow().source().displayName()).isEqualTo("simple_net_trained.pt");
        assertThat(events.count("model")).isEqualTo(1);
    }

    @Test
    void aNoteGivesWayToWhatIsOpenOnceReadButNotALaterMessage() {
        BiasSession session = session(TaskRunner.sameThread());
        session.open(SIMPLE_NET);
        String open = session.status();

        session.setStatus("Saved fc1.png");
        assertThat(session.isNote()).isTrue();
        session.expireNote("Saved fc1.png");
        assertThat(session.status()).isEqualTo(open);
        assertThat(session.isNote()).isFalse();

        session.setStatus("Saved fc1.png");
        session.setStatus("Copied the chart");
        // the first note's timer runs out after the second note arrived: the second stays
        session.expireNote("Saved fc1.png");
        assertThat(session.status()).isEqualTo("Copied the chart");
    }

    @Test
    void theHistogramBinCountIsAnOption() {
        BiasSession session = session(TaskRunner.sameThread());
        session.open(SIMPLE_NET);
        session.setHistogram(true);
        session.setBins(10);

        assertThat(session.options().bins()).isEqualTo(10);
        org.jfree.chart.JFreeChart chart = session.content().orElseThrow().chart(session.options(),
                dev.biasinspector.chart.ChartTheme.light());
        assertThat(chart.getXYPlot().getDataset().getItemCount(0)).isBetween(6, 17);
        assertThatThrownBy(() -> session.options().withBins(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void selectingSeveralBiasesOverlaysThemInTheOrderAsked() {
        BiasSession session = session(TaskRunner.sameThread());
        session.open(SIMPLE_NET);

        session.select(List.of("fc2.bias", "fc1.bias", "no.such.bias"));

        ChartContent.Biases shown = (ChartContent.Biases) session.content().orElseThrow();
        assertThat(shown.vectors()).extracting(v -> v.name()).containsExactly("fc2.bias", "fc1.bias");
        assertThat(shown.vectors().get(0).values()).containsExactly(DemoModels.values("simple_net.pt", "fc2.bias"));
    }

    @Test
    void reloadingReadsTheFileAgainAndKeepsTheSelection() throws IOException {
        Path file = temp.resolve("net.pt");
        Files.copy(SIMPLE_NET, file);
        BiasSession session = session(TaskRunner.sameThread());
        session.open(file);
        session.select(List.of("fc2.bias"));
        OpenModel first = session.current().orElseThrow();
        Files.copy(TRAINED, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        session.reload();

        assertThat(session.current().orElseThrow()).isNotSameAs(first);
        assertThat(names(session.selection())).containsExactly("fc2.bias");
        ChartContent.Biases shown = (ChartContent.Biases) session.content().orElseThrow();
        assertThat(shown.vectors().get(0).values())
                .containsExactly(DemoModels.values("simple_net_trained.pt", "fc2.bias"));
    }

    @Test
    void comparingShowsBothFilesAndTheChangePyTorchComputed() {
        BiasSession session = session(TaskRunner.sameThread());
        session.open(SIMPLE_NET);

        session.compareWith(TRAINED);

        ChartContent.Compared shown = (ChartContent.Compared) session.content().orElseThrow();
        assertThat(shown.before()).isEqualTo("simple_net.pt");
        assertThat(shown.after()).isEqualTo("simple_net_trained.pt");
        BiasChange change = shown.change();
        float[] before = DemoModels.values("simple_net.pt", "fc1.bias");
        float[] after = DemoModels.values("simple_net_trained.pt", "fc1.bias");
        assertThat(change.before().values()).containsExactly(before);
        assertThat(change.after().values()).containsExactly(after);
        JsonObject pytorch = DemoModels.diff("simple_net.pt", "simple_net_trained.pt", "fc1.bias");
        assertThat(maxAbs(change.delta().values())).isCloseTo(pytorch.get("maxAbsChange").getAsDouble(), within(1e-6));
        assertThat(session.status()).endsWith("compared with simple_net_trained.pt");
        assertThat(events.seen).contains("comparison");

        session.stopComparing();

        assertThat(session.comparison()).isEmpty();
        assertThat(session.content().orElseThrow()).isInstanceOf(ChartContent.Biases.class);
    }

    @Test
    void aFolderOfSeveralCheckpointsOpensAsASeriesInNaturalOrder() {
        BiasSession session = session(TaskRunner.sameThread());

        session.open(DemoModels.path("checkpoints"));

        OpenCheckpoints series = session.current().orElseThrow().checkpoints().orElseThrow();
        assertThat(series.labels()).containsExactly("epoch_1.pt", "epoch_2.pt", "epoch_5.pt", "epoch_10.pt");
        ChartContent.Evolution shown = (ChartContent.Evolution) session.content().orElseThrow();
        assertThat(session.options().checkpoint()).isEqualTo(3);
        assertThat(shown.evolution().rows().get(2)).containsExactly(DemoModels.values("checkpoints/epoch_5.pt", "fc1.bias"));
        assertThat(session.status()).endsWith("4 checkpoints, tree of the last");

        session.showCheckpoint(99);

        assertThat(session.options().checkpoint()).isEqualTo(3);
        session.showCheckpoint(1);
        assertThat(session.options().checkpoint()).isEqualTo(1);
        assertThat(events.seen).endsWith("chart-options");
    }

    @Test
    void aFolderWithServingPropertiesIsOneModelEvenWithSeveralModelFiles() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("simple_net"));
        Files.copy(SIMPLE_NET, folder.resolve("simple_net.pt"));
        Files.copy(TRAINED, folder.resolve("other.pt"));
        Files.writeString(folder.resolve("serving.properties"), "engine=PyTorch\n");

        BiasSession session = session(TaskRunner.sameThread());
        session.open(folder);

        assertThat(session.current().orElseThrow().checkpoints()).isEmpty();
        ChartContent.Biases shown = (ChartContent.Biases) session.content().orElseThrow();
        assertThat(shown.vectors().get(0).values()).containsExactly(DemoModels.values("simple_net.pt", "fc1.bias"));
    }

    @Test
    void aFolderOfTwoModelFilesIsASeriesAndAFolderOfOneIsThatModel() throws IOException {
        Path run = Files.createDirectory(temp.resolve("run"));
        Files.copy(SIMPLE_NET, run.resolve("a.pt"));
        Files.copy(TRAINED, run.resolve("b.pt"));
        Path single = Files.createDirectory(temp.resolve("single"));
        Files.copy(TRAINED, single.resolve("a.pt"));
        BiasSession session = session(TaskRunner.sameThread());

        session.open(run);
        assertThat(session.current().orElseThrow().checkpoints().orElseThrow().labels()).containsExactly("a.pt", "b.pt");
        session.open(single);

        assertThat(session.current().orElseThrow().checkpoints()).isEmpty();
        ChartContent.Biases shown = (ChartContent.Biases) session.content().orElseThrow();
        assertThat(shown.vectors().get(0).values()).containsExactly(DemoModels.values("simple_net_trained.pt", "fc1.bias"));
        assertThat(events.failures).isEmpty();
    }

    @Test
    void aFailedOpenKeepsTheOpenModelAndSaysWhyInOneSentence() throws IOException {
        BiasSession session = session(TaskRunner.sameThread());
        session.open(SIMPLE_NET);
        OpenModel open = session.current().orElseThrow();
        ChartContent shown = session.content().orElseThrow();
        Path truncated = cutInHalf(TRAINED, "cut.pt");

        session.open(temp.resolve("gone.pt"));
        session.open(truncated);

        assertThat(session.current()).containsSame(open);
        assertThat(session.content()).containsSame(shown);
        assertThat(session.status()).startsWith("torchscript");
        assertThat(events.failures).hasSize(2);
        assertThat(events.failures.get(0).sentence()).isEqualTo("gone.pt could not be opened: the file does not exist.");
        assertThat(events.failures.get(1).sentence()).startsWith("cut.pt could not be opened: ").endsWith(".")
                .doesNotContain("Exception").doesNotContain("\n");
        assertThat(events.failures.get(1).title()).isEqualTo("Cannot Open Model");
    }

    @Test
    void aFailedComparisonKeepsTheModelAndItsChart() {
        BiasSession session = session(TaskRunner.sameThread());
        session.open(SIMPLE_NET);

        session.compareWith(temp.resolve("missing.pt"));

        assertThat(session.comparison()).isEmpty();
        assertThat(session.content().orElseThrow()).isInstanceOf(ChartContent.Biases.class);
        assertThat(events.failures).singleElement().satisfies(f -> {
            assertThat(f.title()).isEqualTo("Cannot Compare");
            assertThat(f.sentence()).isEqualTo("missing.pt could not be compared: the file does not exist.");
        });
    }

    @Test
    void cancellingALoadKeepsWhatWasOpenAndDropsTheLateResult() {
        QueuedTasks tasks = new QueuedTasks();
        BiasSession session = session(tasks);
        session.open(SIMPLE_NET);
        tasks.runAll();
        OpenModel open = session.current().orElseThrow();

        session.open(TRAINED);
        assertThat(session.isLoading()).isTrue();
        assertThat(session.busy()).contains("Opening simple_net_trained.pt\u2026");
        session.cancel();
        tasks.runAll();

        assertThat(session.current()).containsSame(open);
        assertThat(session.isLoading()).isFalse();
        assertThat(session.busy()).isEmpty();
        assertThat(session.status()).startsWith("torchscript");
        assertThat(events.failures).isEmpty();
    }

    @Test
    void aNewerOpenReplacesOneStillLoading() {
        QueuedTasks tasks = new QueuedTasks();
        BiasSession session = session(tasks);

        session.open(SIMPLE_NET);
        session.open(DemoModels.path("checkpoints"));
        tasks.runAll();

        assertThat(session.current().orElseThrow().checkpoints()).isPresent();
        assertThat(events.count("model")).isEqualTo(1);
    }

    @Test
    void aListenerThatCallsBackIsNeverToldInTheMiddleOfAnUpdate() {
        BiasSession session = new BiasSession(TaskRunner.sameThread(), null);
        List<String> order = new ArrayList<>();
        boolean[] inside = {false};
        session.addListener(new SessionListener() {
            @Override
            public void selectionChanged() {
                assertThat(inside[0]).as("told while handling another event").isFalse();
                inside[0] = true;
                order.add("selection " + names(session.selection()));
                if (names(session.selection()).equals(List.of("fc1.bias"))) {
                    session.select(List.of("fc2.bias"));
                    // Not yet: the other listeners have not been told about fc1.
                    assertThat(names(session.selection())).containsExactly("fc1.bias");
                }
                inside[0] = false;
            }
        });
        session.addListener(new SessionListener() {
            @Override
            public void selectionChanged() {
                order.add("second listener " + names(session.selection()));
            }
        });

        session.open(SIMPLE_NET);

        assertThat(order).containsExactly("selection [fc1.bias]", "second listener [fc1.bias]",
                "selection [fc2.bias]", "second listener [fc2.bias]");
        assertThat(((ChartContent.Biases) session.content().orElseThrow()).vectors().get(0).name()).isEqualTo("fc2.bias");
    }

    @Test
    void theHistogramIsAnOptionOfTheSameContent() {
        BiasSession session = session(TaskRunner.sameThread());
        session.open(SIMPLE_NET);
        ChartContent shown = session.content().orElseThrow();

        session.setHistogram(true);

        assertThat(session.options().histogram()).isTrue();
        assertThat(session.content()).containsSame(shown);
        assertThat(events.seen).endsWith("chart-options");
        assertThat(shown.chart(session.options(), dev.biasinspector.chart.ChartTheme.light()).getTitle().getText())
                .isEqualTo("Histogram of fc1.bias");
    }

    /** The first half of {@code model}, as a download cut off half-way leaves it. */
    private Path cutInHalf(Path model, String name) throws IOException {
        byte[] whole = Files.readAllBytes(model);
        return Files.write(temp.resolve(name), Arrays.copyOf(whole, whole.length / 2));
    }

    private static List<String> names(List<BiasEntry> entries) {
        return entries.stream().map(BiasEntry::name).toList();
    }

    private static double maxAbs(float[] values) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /** Records the events in order. */
    private static final class Events implements SessionListener {
        final List<String> seen = new ArrayList<>();
        final List<Failure> failures = new ArrayList<>();

        @Override
        public void modelChanged() {
            seen.add("model");
        }

        @Override
        public void selectionChanged() {
            seen.add("selection");
        }

        @Override
        public void chartChanged(boolean sameContent) {
            seen.add(sameContent ? "chart-options" : "chart");
        }

        @Override
        public void comparisonChanged() {
            seen.add("comparison");
        }

        @Override
        public void statusChanged() {
            seen.add("status");
        }

        @Override
        public void failed(Failure failure) {
            seen.add("failed");
            failures.add(failure);
        }

        long count(String event) {
            return seen.stream().filter(event::equals).count();
        }
    }
}
