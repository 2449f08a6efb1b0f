package org.etlsuite.localstack.registry;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Subjects, versions, global schema ids and compatibility settings, kept in memory and written to
 * one JSON file after every change (temp file, then atomic move) so that ids survive a restart:
 * Kafka topics outlive the registry process, and their records carry these ids.
 *
 * <p>Ids are global per distinct (canonical) schema, as in Confluent: the same schema registered
 * under two subjects has one id. Deleting is soft first (the version keeps its number and the id
 * still resolves), then permanent. All methods are synchronized: registration must check
 * compatibility and append the version as one step.
 */
final class SchemaStore {

    static final String STATE_FILE = "schema-registry-state.json";
    private static final int FORMAT = 1;

    /** One version of a subject as the REST API shows it. */
    record SchemaVersion(String subject, int version, int id, String schema) {
    }

    private static final class Version {
        final int number;
        final int id;
        boolean deleted;

        Version(int number, int id, boolean deleted) {
            this.number = number;
            this.id = id;
            this.deleted = deleted;
        }
    }

    private static final class Subject {
        CompatibilityLevel level;
        final List<Version> versions = new ArrayList<>();

        List<Version> live() {
            return versions.stream().filter(v -> !v.deleted).toList();
        }

        List<Version> visible(boolean includeDeleted) {
            return includeDeleted ? versions : live();
        }
    }

    // The file format: plain records so the file stays readable and easy to inspect by hand.
    record State(int format, String compatibilityLevel, int nextId, List<StoredSchema> schemas, List<StoredSubject> subjects) {
    }

    record StoredSchema(int id, String schema) {
    }

    record StoredSubject(String subject, String compatibilityLevel, List<StoredVersion> versions) {
    }

    record StoredVersion(int version, int id, boolean deleted) {
    }

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int nextId = 1;
    private final Map<Integer, ParsedAvroSchema> schemasById = new TreeMap<>();
    private final Map<String, Integer> idsByCanonical = new HashMap<>();
    private final Map<String, Subject> subjects = new TreeMap<>();
    /** The last state that reached the disk; restored when writing a change fails. */
    private State persisted;

    private SchemaStore(Path file) {
        this.file = file;
    }

    /** Opens the store in {@code directory}, loading the state file if an earlier run left one. */
    static SchemaStore open(Path directory) throws IOException {
        Files.createDirectories(directory);
        SchemaStore store = new SchemaStore(directory.resolve(STATE_FILE));
        if (Files.exists(store.file)) {
            State state;
            try {
                state = store.json.readValue(store.file.toFile(), State.class);
            } catch (IOException e) {
                // Refuse to start rather than hand out ids that records in Kafka already use.
                throw new IOException("Cannot read the Schema Registry state file " + store.file + ": " + e.getMessage(), e);
            }
            try {
                store.restore(state);
            } catch (RuntimeException e) {
                throw new IOException("The Schema Registry state file " + store.file + " holds an unreadable schema: "
                        + e.getMessage(), e);
            }
        }
        store.persisted = store.snapshot();
        return store;
    }

    Path file() {
        return file;
    }

    // ---- reading ----

    synchronized List<String> subjects(boolean includeDeleted, String prefix) {
        return subjects.entrySet().stream()
                .filter(e -> !e.getValue().visible(includeDeleted).isEmpty())
                .map(Map.Entry::getKey)
                .filter(name -> prefix == null || name.startsWith(prefix))
                .toList();
    }

    synchronized List<Integer> versions(String subject, boolean includeDeleted) {
        return existing(subject, includeDeleted).visible(includeDeleted).stream().map(v -> v.number).toList();
    }

    synchronized SchemaVersion version(String subject, VersionId versionId, boolean includeDeleted) {
        Subject s = existing(subject, includeDeleted);
        return view(subject, find(s, versionId, includeDeleted));
    }

    synchronized Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id)).map(ParsedAvroSchema::canonical);
    }

    /** Every subject version (soft-deleted ones only if asked) that uses this id. */
    synchronized List<SchemaVersion> usagesOf(int id, boolean includeDeleted) {
        if (!schemasById.containsKey(id)) {
            throw RegistryException.schemaNotFound(id);
        }
        List<SchemaVersion> usages = new ArrayList<>();
        subjects.forEach((name, subject) -> subject.visible(includeDeleted).stream()
                .filter(v -> v.id == id)
                .forEach(v -> usages.add(view(name, v))));
        return usages;
    }

    /** The version of the subject holding this schema, or 40401/40403 as Confluent answers a lookup. */
    synchronized SchemaVersion lookup(String subject, ParsedAvroSchema schema, boolean includeDeleted) {
        Subject s = existing(subject, includeDeleted);
        Integer id = idsByCanonical.get(schema.canonical());
        return s.visible(includeDeleted).stream()
                .filter(v -> id != null && v.id == id)
                .reduce((first, second) -> second)
                .map(v -> view(subject, v))
                .orElseThrow(RegistryException::schemaNotFound);
    }

    /**
     * The versions to check a candidate against, newest first: the named version only, or for
     * {@code latest} all live versions (the level then decides between latest and all).
     */
    synchronized List<CompatibilityChecker.Existing> compatibilityTargets(String subject, VersionId versionId) {
        Subject s = existing(subject, false);
        if (versionId == null || versionId.isLatest()) {
            return newestFirst(s);
        }
        Version v = find(s, versionId, false);
        return List.of(new CompatibilityChecker.Existing(v.number, schemasById.get(v.id)));
    }

    /** Like {@link #compatibilityTargets} for "all versions", but an unknown subject simply has none. */
    synchronized List<CompatibilityChecker.Existing> liveVersionsNewestFirst(String subject) {
        Subject s = subjects.get(subject);
        return s == null ? List.of() : newestFirst(s);
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjects.get(subject)).map(s -> s.level);
    }

    synchronized CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevel(subject).orElse(globalLevel);
    }

    // ---- changing ----

    /**
     * Registers the schema under the subject. A schema the subject already holds keeps its version
     * and id; otherwise it must pass the subject's compatibility level, then becomes the next
     * version, reusing the id the schema already has under another subject or taking a new one.
     */
    synchronized int register(String subject, ParsedAvroSchema schema, CompatibilityChecker checker) {
        Subject s = subjects.get(subject);
        Integer knownId = idsByCanonical.get(schema.canonical());
        if (s != null && knownId != null && s.live().stream().anyMatch(v -> v.id == knownId)) {
            return knownId;
        }
        CompatibilityLevel level = s == null || s.level == null ? globalLevel : s.level;
        List<String> problems = checker.check(schema, s == null ? List.of() : newestFirst(s), level);
        if (!problems.isEmpty()) {
            throw RegistryException.incompatibleSchema(subject, problems);
        }
        change(() -> {
            int id = knownId != null ? knownId : nextId++;
            if (knownId == null) {
                schemasById.put(id, schema);
                idsByCanonical.put(schema.canonical(), id);
            }
            Subject target = subjects.computeIfAbsent(subject, name -> new Subject());
            // Numbers of soft-deleted versions are not reused, as in Confluent.
            int number = target.versions.stream().mapToInt(v -> v.number).max().orElse(0) + 1;
            target.versions.add(new Version(number, id, false));
        });
        return idsByCanonical.get(schema.canonical());
    }

    synchronized void setGlobalLevel(CompatibilityLevel level) {
        change(() -> globalLevel = level);
    }

    synchronized void setSubjectLevel(String subject, CompatibilityLevel level) {
        change(() -> subjects.computeIfAbsent(subject, name -> new Subject()).level = level);
    }

    /** Soft delete marks every live version deleted; permanent delete needs a soft delete first. */
    synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
        Subject s = subjects.get(subject);
        if (s == null || s.versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        List<Version> live = s.live();
        if (permanent) {
            if (!live.isEmpty()) {
                throw RegistryException.subjectNotSoftDeleted(subject);
            }
            List<Integer> numbers = s.versions.stream().map(v -> v.number).toList();
            change(() -> {
                subjects.remove(subject);
                dropUnusedSchemas();
            });
            return numbers;
        }
        if (live.isEmpty()) {
            throw RegistryException.subjectSoftDeleted(subject);
        }
        change(() -> {
            live.forEach(v -> v.deleted = true);
            // Confluent forgets the subject's own compatibility setting when the subject is deleted.
            s.level = null;
        });
        return live.stream().map(v -> v.number).toList();
    }

    synchronized int deleteVersion(String subject, VersionId versionId, boolean permanent) {
        Subject s = subjects.get(subject);
        if (s == null || s.versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        Version v;
        if (versionId.isLatest() && !permanent) {
            List<Version> live = s.live();
            if (live.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            v = live.getLast();
        } else {
            // Look among deleted versions too, to answer "was soft deleted" rather than "not found".
            v = find(s, versionId, true);
        }
        if (permanent) {
            if (!v.deleted) {
                throw RegistryException.versionNotSoftDeleted(subject, v.number);
            }
            change(() -> {
                s.versions.remove(v);
                dropUnusedSchemas();
            });
        } else {
            if (v.deleted) {
                throw RegistryException.versionSoftDeleted(subject, v.number);
            }
            change(() -> v.deleted = true);
        }
        return v.number;
    }

    // ---- internals ----

    private Subject existing(String subject, boolean includeDeleted) {
        Subject s = subjects.get(subject);
        if (s == null || s.visible(includeDeleted).isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return s;
    }

    private static Version find(Subject s, VersionId versionId, boolean includeDeleted) {
        List<Version> candidates = s.visible(includeDeleted);
        if (versionId.isLatest()) {
            return candidates.getLast();
        }
        return candidates.stream().filter(v -> v.number == versionId.number()).findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(versionId.number()));
    }

    private List<CompatibilityChecker.Existing> newestFirst(Subject s) {
        return s.live().reversed().stream()
                .map(v -> new CompatibilityChecker.Existing(v.number, schemasById.get(v.id)))
                .toList();
    }

    private SchemaVersion view(String subject, Version v) {
        return new SchemaVersion(subject, v.number, v.id, schemasById.get(v.id).canonical());
    }

    /** After a permanent delete, ids no version refers to stop resolving (their numbers are never reused). */
    private void dropUnusedSchemas() {
        schemasById.keySet().removeIf(id -> subjects.values().stream()
                .flatMap(s -> s.versions.stream())
                .noneMatch(v -> v.id == id));
        idsByCanonical.values().removeIf(id -> !schemasById.containsKey(id));
    }

    /** Applies a change and writes it out; if writing fails the change is undone and the caller gets a 500. */
    private void change(Runnable mutation) {
        mutation.run();
        State next = snapshot();
        try {
            write(next);
            persisted = next;
        } catch (IOException | RuntimeException e) {
            restore(persisted);
            throw RegistryException.storeError("could not write " + file + ": " + e.getMessage());
        }
    }

    private void write(State state) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), STATE_FILE, ".tmp");
        try {
            json.writeValue(temp.toFile(), state);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private State snapshot() {
        List<StoredSchema> schemas = schemasById.entrySet().stream()
                .map(e -> new StoredSchema(e.getKey(), e.getValue().canonical()))
                .toList();
        List<StoredSubject> stored = subjects.entrySet().stream()
                .map(e -> new StoredSubject(e.getKey(), e.getValue().level == null ? null : e.getValue().level.name(),
                        e.getValue().versions.stream().map(v -> new StoredVersion(v.number, v.id, v.deleted)).toList()))
                .toList();
        return new State(FORMAT, globalLevel.name(), nextId, schemas, stored);
    }

    private void restore(State state) {
        schemasById.clear();
        idsByCanonical.clear();
        subjects.clear();
        globalLevel = CompatibilityLevel.parse(state.compatibilityLevel()).orElse(CompatibilityLevel.BACKWARD);
        int maxId = 0;
        for (StoredSchema stored : nullToEmpty(state.schemas())) {
            ParsedAvroSchema schema = ParsedAvroSchema.ofStored(stored.schema());
            schemasById.put(stored.id(), schema);
            idsByCanonical.put(schema.canonical(), stored.id());
            maxId = Math.max(maxId, stored.id());
        }
        // Never below max+1, even if the file was edited by hand: an id must not be handed out twice.
        nextId = Math.max(state.nextId(), maxId + 1);
        for (StoredSubject stored : nullToEmpty(state.subjects())) {
            Subject subject = new Subject();
            subject.level = CompatibilityLevel.parse(stored.compatibilityLevel()).orElse(null);
            nullToEmpty(stored.versions()).stream()
                    .sorted(Comparator.comparingInt(StoredVersion::version))
                    .forEach(v -> subject.versions.add(new Version(v.version(), v.id(), v.deleted())));
            subjects.put(stored.subject(), subject);
        }
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
