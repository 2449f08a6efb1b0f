package org.etlsuite.dashboard.runs;

/** Answers of the transformer's run API, in the shape its controllers write them (fields the page ignores included). */
final class TransformerSamples {

    static final String PIPELINES = """
            [{"id":"urban-sensors","dagId":"VMI_URBAN_SENSORS_ELT","topic":"urban-sensors",
              "tasks":["extract","await","load-raw","transform"],"schedule":"0 0 * * * *","timeZone":"UTC",
              "nextFireTime":"2026-11-26T02:00:00Z","paused":true,"retries":2,"retryBackoff":"PT2M",
              "backoffMultiplier":2.0,"activeRunId":null},
             {"id":"transportation","dagId":"VMI_001","topic":"transportation-stats",
              "tasks":["extract","await","load-raw","transform"],"schedule":"0 0 0 * * *","timeZone":"UTC",
              "nextFireTime":"2026-11-27T00:00:00Z","paused":false,"retries":2,"retryBackoff":"PT2M",
              "backoffMultiplier":2.0,"activeRunId":21,"addedLater":"ignored"}]
            """;

    /** Newest first: a failed scheduled run, then a successful API run. */
    static final String URBAN_RUNS = """
            {"content":[
              {"id":18,"pipeline":"urban-sensors","trigger":"SCHEDULE","state":"FAILED",
               "parameters":{"generate":true,"events":500,"ratePerSecond":null,"durationSeconds":null,"seed":null,"dirtyFraction":null},
               "queuedAt":"2026-11-26T02:00:00Z","startedAt":"2026-11-26T02:00:00.100Z","endedAt":"2026-11-26T02:07:10.100Z",
               "cancelRequested":false,"burstId":"b-18",
               "counts":{"generated":500,"processed":null,"rejected":null,"duplicates":null},
               "files":{"raw":null,"processed":null},
               "error":"await: Kafka Streams did not process the range within PT2S\\nlast committed offsets: 0=120",
               "tasks":[
                 {"name":"extract","state":"SUCCESS","attempts":1,"startedAt":"2026-11-26T02:00:00.100Z","endedAt":"2026-11-26T02:00:01Z","error":null,
                  "tries":[{"attempt":1,"state":"SUCCESS","startedAt":"2026-11-26T02:00:00.100Z","endedAt":"2026-11-26T02:00:01Z","error":null}]},
                 {"name":"await","state":"FAILED","attempts":3,"startedAt":"2026-11-26T02:00:01Z","endedAt":"2026-11-26T02:07:10.100Z",
                  "error":"Kafka Streams did not process the range within PT2S","tries":[]},
                 {"name":"load-raw","state":"SKIPPED","attempts":0,"startedAt":null,"endedAt":null,"error":null,"tries":[]},
                 {"name":"transform","state":"SKIPPED","attempts":0,"startedAt":null,"endedAt":null,"error":null,"tries":[]}]},
              {"id":17,"pipeline":"urban-sensors","trigger":"API","state":"SUCCESS",
               "parameters":{"generate":true,"events":5000,"ratePerSecond":1000.0,"durationSeconds":null,"seed":42,"dirtyFraction":0.05},
               "queuedAt":"2026-11-26T01:04:59Z","startedAt":"2026-11-26T01:05:00Z","endedAt":"2026-11-26T01:05:42.300Z",
               "cancelRequested":false,"burstId":"b-17",
               "counts":{"generated":5000,"processed":4754,"rejected":246,"duplicates":0},
               "files":{"raw":"raw/urban_sensors_raw_20261126_0105.csv","processed":"processed/urban_sensors_processed_20261126_0105_17.csv"},
               "error":null,
               "tasks":[
                 {"name":"extract","state":"SUCCESS","attempts":1,"startedAt":null,"endedAt":null,"error":null,"tries":[]},
                 {"name":"await","state":"SUCCESS","attempts":2,"startedAt":null,"endedAt":null,"error":null,"tries":[]},
                 {"name":"load-raw","state":"SUCCESS","attempts":1,"startedAt":null,"endedAt":null,"error":null,"tries":[]},
                 {"name":"transform","state":"SUCCESS","attempts":1,"startedAt":null,"endedAt":null,"error":null,"tries":[]}]}],
             "page":0,"size":10,"totalElements":12,"totalPages":2}
            """;

    static final String NO_RUNS = """
            {"content":[],"page":0,"size":10,"totalElements":0,"totalPages":0}
            """;

    /** What the transformer answers on an unexpected error (Spring's problem details). */
    static final String PROBLEM_500 = """
            {"type":"about:blank","title":"Internal Server Error","status":500,
             "detail":"could not open a connection to PostgreSQL","instance":"/api/pipelines"}
            """;

    /** The 202 answer to {@code POST /api/pipelines/urban-sensors/runs}: the queued run. */
    static final String QUEUED_RUN = """
            {"id":23,"pipeline":"urban-sensors","trigger":"MANUAL","state":"QUEUED",
             "parameters":{"generate":true,"events":5000,"ratePerSecond":null,"durationSeconds":null,"seed":null,"dirtyFraction":0.1},
             "queuedAt":"2026-11-26T03:00:00Z","startedAt":null,"endedAt":null,"cancelRequested":false,"burstId":null,
             "counts":null,"files":{"raw":null,"processed":null},"error":null,
             "tasks":[{"name":"extract","state":"PENDING","attempts":0,"startedAt":null,"endedAt":null,"error":null,"tries":[]}]}
            """;

    /** How the transformer refuses a run (its problem details). */
    static final String PROBLEM_400 = """
            {"type":"about:blank","title":"Bad Request","status":400,
             "detail":"events must be at least 1, was 0","instance":"/api/pipelines/urban-sensors/runs"}
            """;

    private TransformerSamples() {
    }
}
