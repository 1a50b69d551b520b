package org.poolact.lab.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.poolact.data.Dataset;
import org.poolact.lab.train.EpochMetrics;
import org.poolact.lab.train.TrainConfig;
import org.poolact.lab.train.TrainListener;
import org.poolact.lab.train.TrainResult;
import org.poolact.lab.train.Trainer;

/**
 * Runs a study grid, resumably. Each finished run is appended atomically to
 * {@code results.jsonl}; a run in progress checkpoints after each epoch to
 * {@code checkpoints/<run id>.safetensors}. Started again after a kill (even kill -9), the study
 * skips the runs already recorded, resumes the interrupted one from its last epoch and goes on:
 * no finished run is lost or done twice.
 */
public final class Study {
    private final StudyConfig config;
    private final Dataset train;
    private final Dataset test;

    public Study(StudyConfig config, Dataset train, Dataset test) {
        this.config = config;
        this.train = train;
        this.test = test;
    }

    /**
     * Runs every run not yet in results.jsonl and returns all records of the grid.
     *
     * @throws IOException if results or checkpoints cannot be read or written
     * @throws IllegalArgumentException if results.jsonl holds a run of this grid trained with other options
     */
    public List<RunRecord> run(StudyListener listener) throws IOException {
        Files.createDirectories(config.outDir());
        ResultsFile.Loaded loaded = ResultsFile.load(config.resultsFile());
        List<RunKey> runs = config.runs();
        Set<RunKey> done = new HashSet<>();
        for (RunRecord r : loaded.records()) {
            RunKey k = r.key();
            if (runs.contains(k)) {
                String expected = config.configFor(k).fingerprint();
                if (!expected.equals(r.fingerprint())) {
                    throw new IllegalArgumentException("study: " + config.resultsFile() + " already holds run " + k
                            + " trained with other options (" + r.fingerprint() + "; now " + expected
                            + "); use another --out directory");
                }
                done.add(k);
            }
        }
        listener.onStudyStart(done.size(), runs.size(), loaded.droppedPartialLine());
        for (int i = 0; i < runs.size(); i++) {
            RunKey key = runs.get(i);
            Path ckpt = config.outDir().resolve("checkpoints").resolve(key.id() + ".safetensors");
            if (done.contains(key)) {
                // NOTE: a kill between the append and the delete below leaves a stale checkpoint.
                Files.deleteIfExists(ckpt);
                continue;
            }
            listener.onRunStart(key, i + 1, runs.size());
            TrainConfig tc = config.configFor(key);
            Trainer trainer = new Trainer(tc, train, test).checkpoint(ckpt, true);
            TrainListener tl = listener.trainListener();
            if (tl != null) {
                trainer.listener(tl);
            }
            TrainResult result = trainer.run();
            RunRecord rec = record(key, tc, result);
            ResultsFile.append(config.resultsFile(), rec);
            Files.deleteIfExists(ckpt);
            done.add(key);
            listener.onRunEnd(rec, i + 1, runs.size());
        }
        return ResultsFile.load(config.resultsFile()).records().stream().filter(r -> runs.contains(r.key())).toList();
    }

    private RunRecord record(RunKey key, TrainConfig tc, TrainResult result) {
        EpochMetrics last = result.last();
        double secs = result.epochs().stream().mapToDouble(EpochMetrics::seconds).average().orElse(0);
        return new RunRecord(key.act(), key.pool().label(), key.order().cliName(), key.seed(), config.dataset(),
                tc.fingerprint(), last.testAccuracy(), last.testLoss(), secs, result.epochs());
    }
}
