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

    /** {@code GET /api/runs/17}: a successful run, every task on its first attempt but await on its second. */
    static final String SUCCESSFUL_RUN = """
            {"id":17,"pipeline":"urban-sensors","trigger":"API","state":"SUCCESS",
             "parameters":{"generate":true,"events":5000,"ratePerSecond":1000.0,"durationSeconds":null,"seed":42,"dirtyFraction":0.05},
             "queuedAt":"2026-11-26T01:04:59Z","startedAt":"2026-11-26T01:05:00Z","endedAt":"2026-11-26T01:05:42.300Z",
             "cancelRequested":false,"burstId":"b-17",
             "counts":{"generated":5000,"processed":4754,"rejected":246,"duplicates":0},
             "files":{"raw":"raw/urban_sensors_raw_20261126_0105.csv","processed":"processed/urban_sensors_processed_20261126_0105_17.csv"},
             "error":null,
             "tasks":[
               {"name":"extract","state":"SUCCESS","attempts":1,"startedAt":"2026-11-26T01:05:00Z","endedAt":"2026-11-26T01:05:05.500Z","error":null,
                "tries":[{"attempt":1,"state":"SUCCESS","startedAt":"2026-11-26T01:05:00Z","endedAt":"2026-11-26T01:05:05.500Z","error":null}]},
               {"name":"await","state":"SUCCESS","attempts":2,"startedAt":"2026-11-26T01:05:05.500Z","endedAt":"2026-11-26T01:05:40Z","error":null,
                "tries":[{"attempt":1,"state":"FAILED","startedAt":"2026-11-26T01:05:05.500Z","endedAt":"2026-11-26T01:05:07.500Z",
                          "error":"Kafka Streams did not process the range within PT2S"},
                         {"attempt":2,"state":"SUCCESS","startedAt":"2026-11-26T01:05:37.500Z","endedAt":"2026-11-26T01:05:40Z","error":null}]},
               {"name":"load-raw","state":"SUCCESS","attempts":1,"startedAt":"2026-11-26T01:05:40Z","endedAt":"2026-11-26T01:05:41Z","error":null,
                "tries":[{"attempt":1,"state":"SUCCESS","startedAt":"2026-11-26T01:05:40Z","endedAt":"2026-11-26T01:05:41Z","error":null}]},
               {"name":"transform","state":"SUCCESS","attempts":1,"startedAt":"2026-11-26T01:05:41Z","endedAt":"2026-11-26T01:05:42.300Z","error":null,
                "tries":[{"attempt":1,"state":"SUCCESS","startedAt":"2026-11-26T01:05:41Z","endedAt":"2026-11-26T01:05:42.300Z","error":null}]}]}
            """;

    /** {@code GET /api/runs/18}: a scheduled run whose await task failed all three attempts; the later tasks were skipped. */
    static final String FAILED_RUN = """
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
                "error":"Kafka Streams did not process the range within PT2S",
                "tries":[{"attempt":1,"state":"FAILED","startedAt":"2026-11-26T02:00:01Z","endedAt":"2026-11-26T02:00:03Z",
                          "error":"the consumer group lags 480 records behind"},
                         {"attempt":2,"state":"FAILED","startedAt":"2026-11-26T02:02:03Z","endedAt":"2026-11-26T02:02:05Z",
                          "error":"the consumer group lags 200 records behind"},
                         {"attempt":3,"state":"FAILED","startedAt":"2026-11-26T02:06:05Z","endedAt":"2026-11-26T02:07:10.100Z",
                          "error":"Kafka Streams did not process the range within PT2S"}]},
               {"name":"load-raw","state":"SKIPPED","attempts":0,"startedAt":null,"endedAt":null,"error":null,"tries":[]},
               {"name":"transform","state":"SKIPPED","attempts":0,"startedAt":null,"endedAt":null,"error":null,"tries":[]}]}
            """;

    /** {@code GET /api/runs/21}: a run still going, its await task waiting for the next attempt. */
    static final String RUNNING_RUN = """
            {"id":21,"pipeline":"transportation","trigger":"MANUAL","state":"RUNNING",
             "parameters":{"generate":false,"events":null,"ratePerSecond":null,"durationSeconds":null,"seed":null,"dirtyFraction":null},
             "queuedAt":"2026-11-26T03:00:00Z","startedAt":"2026-11-26T03:00:01Z","endedAt":null,
             "cancelRequested":false,"burstId":null,
             "counts":null,"files":{"raw":null,"processed":null},"error":null,
             "tasks":[
               {"name":"extract","state":"SUCCESS","attempts":1,"startedAt":"2026-11-26T03:00:01Z","endedAt":"2026-11-26T03:00:02Z","error":null,
                "tries":[{"attempt":1,"state":"SUCCESS","startedAt":"2026-11-26T03:00:01Z","endedAt":"2026-11-26T03:00:02Z","error":null}]},
               {"name":"await","state":"UP_FOR_RETRY","attempts":1,"startedAt":"2026-11-26T03:00:02Z","endedAt":null,
                "error":"Kafka Streams did not process the range within PT2S",
                "tries":[{"attempt":1,"state":"FAILED","startedAt":"2026-11-26T03:00:02Z","endedAt":"2026-11-26T03:00:04Z",
                          "error":"Kafka Streams did not process the range within PT2S"}]},
               {"name":"load-raw","state":"PENDING","attempts":0,"startedAt":null,"endedAt":null,"error":null,"tries":[]},
               {"name":"transform","state":"PENDING","attempts":0,"startedAt":null,"endedAt":null,"error":null,"tries":[]}]}
            """;

    /** The 202 to {@code POST /api/runs/21/cancel} while the run is running: it stops at its next check. */
    static final String CANCEL_REQUESTED_RUN = """
            {"id":21,"pipeline":"transportation","trigger":"MANUAL","state":"RUNNING",
             "parameters":{"generate":false,"events":null,"ratePerSecond":null,"durationSeconds":null,"seed":null,"dirtyFraction":null},
             "queuedAt":"2026-11-26T03:00:00Z","startedAt":"2026-11-26T03:00:01Z","endedAt":null,
             "cancelRequested":true,"burstId":null,"counts":null,"files":{"raw":null,"processed":null},"error":null,"tasks":[]}
            """;

    /** The 202 to {@code POST /api/runs/23/cancel} while the run is queued: cancelled at once. */
    static final String CANCELLED_RUN = """
            {"id":23,"pipeline":"urban-sensors","trigger":"MANUAL","state":"CANCELLED",
             "parameters":{"generate":true,"events":5000,"ratePerSecond":null,"durationSeconds":null,"seed":null,"dirtyFraction":0.1},
             "queuedAt":"2026-11-26T03:00:00Z","startedAt":null,"endedAt":"2026-11-26T03:00:05Z","cancelRequested":true,"burstId":null,
             "counts":null,"files":{"raw":null,"processed":null},"error":"cancelled",
             "tasks":[{"name":"extract","state":"CANCELLED","attempts":0,"startedAt":null,"endedAt":null,"error":null,"tries":[]}]}
            """;

    /** How the transformer refuses to cancel a run that has ended. */
    static final String PROBLEM_409_ENDED = """
            {"type":"about:blank","title":"Run has ended","status":409,
             "detail":"Run 17 has already ended (SUCCESS)","instance":"/api/runs/17/cancel"}
            """;

    /** How the transformer answers for a run it does not know. */
    static final String PROBLEM_404_RUN = """
            {"type":"about:blank","title":"Unknown run","status":404,"detail":"Unknown run 99","instance":"/api/runs/99"}
            """;

    /** How the transformer answers for a pipeline it does not know. */
    static final String PROBLEM_404_PIPELINE = """
            {"type":"about:blank","title":"Unknown pipeline","status":404,
             "detail":"Unknown pipeline 'weather'; known: urban-sensors (VMI_URBAN_SENSORS_ELT), product-events (VMI_PRODUCT_EVENTS_ETL), transportation (VMI_001)",
             "instance":"/api/pipelines/weather/paused"}
            """;

    /** The answer to {@code PUT /api/pipelines/urban-sensors/paused} {@code {"paused":false}}: resumed. */
    static final String RESUMED_PIPELINE = """
            {"id":"urban-sensors","dagId":"VMI_URBAN_SENSORS_ELT","topic":"urban-sensors",
             "tasks":["extract","await","load-raw","transform"],"schedule":"0 0 * * * *","timeZone":"UTC",
             "nextFireTime":"2026-11-26T04:00:00Z","paused":false,"retries":2,"retryBackoff":"PT2M",
             "backoffMultiplier":2.0,"activeRunId":null}
            """;

    /** The answer to {@code PUT /api/pipelines/transportation/paused} {@code {"paused":true}}: paused. */
    static final String PAUSED_PIPELINE = """
            {"id":"transportation","dagId":"VMI_001","topic":"transportation-stats",
             "tasks":["extract","await","load-raw","transform"],"schedule":"0 0 0 * * *","timeZone":"UTC",
             "nextFireTime":"2026-11-27T00:00:00Z","paused":true,"retries":2,"retryBackoff":"PT2M",
             "backoffMultiplier":2.0,"activeRunId":21}
            """;

    private TransformerSamples() {
    }
}
