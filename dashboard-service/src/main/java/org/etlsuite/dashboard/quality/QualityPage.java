package org.etlsuite.dashboard.quality;

import java.util.List;

import org.etlsuite.dashboard.page.DashboardPage;

/**
 * What the data-quality template shows of its own, already formatted: the summary of a ready {@link DashboardPage}
 * and the latest dead letters, which come from Kafka rather than from the file.
 */
final class QualityPage {

    private QualityPage() {
    }

    record Summary(String lastUpdated, List<StreamRow> streams) {

        Summary {
            streams = List.copyOf(streams);
        }
    }

    /** One stream's card: the totals, then the rejected and undecodable records by rule. */
    record StreamRow(String stream, String recordsRead, Line accepted, Line rejected, List<Line> rejectedByRule,
                     Line duplicate, Line undecodable, List<Line> undecodableByReason) {

        StreamRow {
            rejectedByRule = List.copyOf(rejectedByRule);
            undecodableByReason = List.copyOf(undecodableByReason);
        }
    }

    /** A count and its share of the stream's records, e.g. "1,204" and "12.0%". */
    record Line(String label, String count, String share) {
    }

    /**
     * The dead letters of every stream, or why they could not be read.
     *
     * @param bootstrapServers where the dashboard looked for the broker
     * @param problem          why the broker could not be read; null when it could
     */
    record DeadLetters(String bootstrapServers, int limit, List<TopicLetters> topics, String problem) {

        DeadLetters {
            topics = List.copyOf(topics);
        }

        public boolean unreachable() {
            return problem != null;
        }

        /** The problem as the lines of the error banner. */
        public List<String> problems() {
            return problem == null ? List.of() : List.of(problem);
        }
    }

    /** The latest dead letters of one dead-letter topic, newest first. */
    record TopicLetters(String topic, List<Letter> letters) {

        TopicLetters {
            letters = List.copyOf(letters);
        }
    }

    /**
     * @param reasons why the record was dead-lettered, one "name: value" per header
     * @param source  where the original was read, e.g. "urban-sensors partition 2 offset 17"
     * @param value   the first bytes of the value in hex, e.g. "00 00 00 00 01 …"
     * @param size    e.g. "120 bytes"
     */
    record Letter(String position, String timestamp, List<String> reasons, String source, String value, String size) {

        Letter {
            reasons = List.copyOf(reasons);
        }
    }
}
