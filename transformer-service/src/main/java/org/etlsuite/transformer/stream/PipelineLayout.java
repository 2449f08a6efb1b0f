package org.etlsuite.transformer.stream;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the stream's pipeline names itself and its files. A pipeline is the batch side of a stream: a run of it
 * extracts a range of the stream's events, archives them raw and writes them processed, as the original's Airflow
 * DAG did (docs/DOMAIN.md). The names are the original's, so that its scripts and readers keep working.
 *
 * @param id              the pipeline's name in URLs and in the run history, e.g. {@code urban-sensors}
 * @param dagId           the id of the original Airflow DAG, accepted wherever {@code id} is
 * @param rawFilePattern  a run's raw archive, relative to the shared volume, with {@code %s} for the run's stamp
 * @param processedFiles  the processed rows of the latest successful run, relative to the shared volume (the
 *                        original's transportation DAG wrote the same rows twice, under two names)
 */
public record PipelineLayout(String id, String dagId, String rawFilePattern, List<String> processedFiles) {

    public PipelineLayout {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dagId, "dagId");
        Objects.requireNonNull(rawFilePattern, "rawFilePattern");
        processedFiles = List.copyOf(processedFiles);
        if (processedFiles.isEmpty()) {
            throw new IllegalArgumentException("pipeline " + id + " writes no processed file");
        }
        if (!rawFilePattern.contains("%s")) {
            throw new IllegalArgumentException("the raw file of pipeline " + id + " must hold the run's stamp (%s), was " + rawFilePattern);
        }
        for (String file : processedFiles) {
            if (!file.endsWith(".csv") || file.indexOf('/') < 1) {
                throw new IllegalArgumentException("a processed file of pipeline " + id + " must be a .csv in a folder, was " + file);
            }
        }
        if (rawFilePattern.indexOf('/') < 1) {
            throw new IllegalArgumentException("the raw file of pipeline " + id + " must be in a folder, was " + rawFilePattern);
        }
    }

    public PipelineLayout(String id, String dagId, String rawFilePattern, String... processedFiles) {
        this(id, dagId, rawFilePattern, List.of(processedFiles));
    }

    /** The raw archive of a run, named after the run's timestamp. */
    public String rawFile(String stamp) {
        return rawFilePattern.formatted(stamp);
    }

    /** The processed rows of one run: the first processed file with the run's timestamp. */
    public String processedRunFile(String stamp) {
        String latest = processedFiles.getFirst();
        return latest.substring(0, latest.length() - ".csv".length()) + "_" + stamp + ".csv";
    }

    /** The folders of the shared volume (relative) that the pipeline's runs write to. */
    public Set<String> folders() {
        Set<String> folders = new TreeSet<>();
        folders.add(rawFilePattern.substring(0, rawFilePattern.indexOf('/')));
        processedFiles.forEach(file -> folders.add(file.substring(0, file.indexOf('/'))));
        return folders;
    }
}
