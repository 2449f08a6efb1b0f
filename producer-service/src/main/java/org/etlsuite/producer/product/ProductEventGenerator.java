package org.etlsuite.producer.product;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.etlsuite.events.product.EventType;
import org.etlsuite.events.product.PaymentMethod;
import org.etlsuite.events.product.Platform;
import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.model.product.Product;
import org.etlsuite.model.product.ProductCatalog;
import org.etlsuite.producer.stream.EventGenerator;
import org.etlsuite.producer.stream.EventTimes;
import org.etlsuite.producer.stream.SeededUuids;
import org.etlsuite.producer.stream.Weighted;

/**
 * Shopper interactions with the original generator's distributions: a uniform user of {@value #USERS}, a uniform
 * product of the {@link ProductCatalog}, the funnel weights 65 % views, 20 % add to cart, 10 % remove from cart,
 * 5 % purchases, and a uniform platform. Purchases, and only purchases, carry {@code purchase_amount} (the price:
 * one unit per purchase) and a uniform {@code payment_method}.
 * <p>
 * All draws, the event id included, come from one seeded {@link SplittableRandom} in a fixed order, so the same
 * seed (and clock) gives the same events. Not thread-safe.
 */
public final class ProductEventGenerator implements EventGenerator<ProductEvent> {

    /** The original's pool was "user_0001" to "user_0199" (an off-by-one); here it is a round 200. */
    static final int USERS = 200;

    private static final List<Product> PRODUCTS = ProductCatalog.PRODUCTS;

    private static final Weighted<EventType> EVENT_TYPES = Weighted.<EventType>builder()
            .add(EventType.PRODUCT_VIEW, 65)
            .add(EventType.ADD_TO_CART, 20)
            .add(EventType.REMOVE_FROM_CART, 10)
            .add(EventType.PURCHASE, 5)
            .build();

    private static final Weighted<Platform> PLATFORMS = Weighted.uniform(Platform.WEB, Platform.IOS, Platform.ANDROID);

    private static final Weighted<PaymentMethod> PAYMENT_METHODS =
            Weighted.uniform(PaymentMethod.CREDIT_CARD, PaymentMethod.PAYPAL, PaymentMethod.APPLE_PAY);

    private static final DateTimeFormatter SESSION_HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    /** "0001" .. "0200" at their index; formatting them per event cost more than the rest of the event. */
    private static final String[] PADDED_USERS = new String[USERS + 1];
    private static final String[] USER_IDS = new String[USERS + 1];

    static {
        for (int user = 1; user <= USERS; user++) {
            PADDED_USERS[user] = "%04d".formatted(user);
            USER_IDS[user] = "user_" + PADDED_USERS[user];
        }
    }

    private final RandomGenerator random;
    private final EventTimes times;
    /** Per user: the UTC epoch hour of the last session id built, and that id (one session per user and hour). */
    private final long[] sessionHours = new long[USERS + 1];
    private final String[] sessionIds = new String[USERS + 1];

    public ProductEventGenerator(long seed, Clock clock) {
        this(seed, EventTimes.now(clock));
    }

    public ProductEventGenerator(long seed, EventTimes times) {
        this.random = new SplittableRandom(seed);
        this.times = Objects.requireNonNull(times, "times");
        Arrays.fill(sessionHours, Long.MIN_VALUE);
    }

    @Override
    public ProductEvent next() {
        Instant timestamp = times.next(random);
        String eventId = SeededUuids.next(random).toString();
        int user = random.nextInt(1, USERS + 1);
        Product product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
        EventType eventType = EVENT_TYPES.draw(random);
        Platform platform = PLATFORMS.draw(random);
        boolean purchase = eventType == EventType.PURCHASE;
        return ProductEvent.newBuilder()
                .setEventId(eventId)
                .setTimestamp(timestamp)
                .setUserId(userId(user))
                .setSessionId(cachedSessionId(user, timestamp))
                .setEventType(eventType)
                .setProductId(product.id())
                .setProductName(product.name())
                .setCategory(product.category())
                .setPrice(product.price())
                .setPlatform(platform)
                .setPurchaseAmount(purchase ? product.price() : null)
                .setPaymentMethod(purchase ? PAYMENT_METHODS.draw(random) : null)
                .build();
    }

    static String userId(int user) {
        return user >= 1 && user <= USERS ? USER_IDS[user] : "user_%04d".formatted(user);
    }

    /** {@link #sessionId}, built once per user and hour: events of a burst mostly fall in the same hour. */
    private String cachedSessionId(int user, Instant timestamp) {
        long hour = Math.floorDiv(timestamp.getEpochSecond(), 3600);
        if (sessionHours[user] != hour || sessionIds[user] == null) {
            sessionIds[user] = sessionId(user, timestamp);
            sessionHours[user] = hour;
        }
        return sessionIds[user];
    }

    /**
     * One session per user and UTC clock hour. The original hashed the user id with Python's per-process salted
     * {@code hash()}, so its session ids changed with every restart; this one is stable and readable.
     */
    static String sessionId(int user, Instant timestamp) {
        String padded = user >= 1 && user <= USERS ? PADDED_USERS[user] : "%04d".formatted(user);
        return "sess_" + padded + "_" + SESSION_HOUR.format(timestamp);
    }
}
