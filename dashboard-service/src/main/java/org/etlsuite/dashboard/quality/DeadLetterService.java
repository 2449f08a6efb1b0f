package org.etlsuite.dashboard.quality;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.KafkaException;
import org.etlsuite.dashboard.page.PageFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The latest dead letters of every stream, formatted for the page. A read is kept for {@link #FRESH_FOR}, failures
 * included, so that a storm of reloads (or a fuzzer) costs the broker one read every few seconds, and a broker that
 * is gone costs the visitors one timeout every few seconds rather than one each.
 */
@Service
class DeadLetterService {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private final DeadLetterReader reader;
    private final int limit;
    private QualityPage.DeadLetters cached;
    private long cachedAt;

    DeadLetterService(DeadLetterReader reader, @Value("${etl.dashboard.dead-letters}") int limit) {
        this.reader = reader;
        this.limit = limit;
    }

    /** One read at a time: the visitors that come meanwhile wait for it and share it. */
    synchronized QualityPage.DeadLetters latest() {
        if (cached == null || System.nanoTime() - cachedAt > FRESH_FOR.toNanos()) {
            cached = read();
            cachedAt = System.nanoTime();
        }
        return cached;
    }

    private QualityPage.DeadLetters read() {
        Map<String, List<DeadLetter>> letters;
        try {
            letters = reader.latest(DeadLetterHeaders.TOPICS, limit);
        } catch (KafkaException e) {
            log.debug("Dead letters from {}: {}", reader.bootstrapServers(), e.getMessage(), e);
            return new QualityPage.DeadLetters(reader.bootstrapServers(), limit, List.of(),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        List<QualityPage.TopicLetters> topics = new ArrayList<>();
        letters.forEach((topic, list) -> topics.add(new QualityPage.TopicLetters(topic,
                list.stream().map(DeadLetterService::letter).toList())));
        return new QualityPage.DeadLetters(reader.bootstrapServers(), limit, topics, null);
    }

    static QualityPage.Letter letter(DeadLetter letter) {
        List<String> reasons = DeadLetterHeaders.REASONS.stream()
                .filter(letter.headers()::containsKey)
                .map(name -> name + ": " + letter.headers().get(name))
                .toList();
        String topic = letter.headers().get(DeadLetterHeaders.SOURCE_TOPIC);
        String partition = letter.headers().get(DeadLetterHeaders.SOURCE_PARTITION);
        String offset = letter.headers().get(DeadLetterHeaders.SOURCE_OFFSET);
        String source = topic == null && partition == null && offset == null ? "unknown"
                : orUnknown(topic) + " partition " + orUnknown(partition) + " offset " + orUnknown(offset);
        return new QualityPage.Letter(
                "partition " + letter.partition() + " offset " + letter.offset(),
                PageFormat.timestamp(letter.timestamp()),
                reasons,
                source,
                hex(letter),
                letter.valueSize() < 0 ? "no value" : String.format(Locale.US, "%,d bytes", letter.valueSize()));
    }

    private static String hex(DeadLetter letter) {
        String hex = HEX.formatHex(letter.valueStart());
        return letter.valueSize() > letter.valueStart().length ? hex + " …" : hex;
    }

    private static String orUnknown(String value) {
        return value == null ? "?" : value;
    }
}
