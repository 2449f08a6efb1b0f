package org.etlsuite.producer.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DeadlinePacerTests {

    private static final long START = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    /** A monotonic clock that only moves when the pacer sleeps or the test says time passed. */
    private long now = START;
    private final List<Long> sleeps = new ArrayList<>();

    private DeadlinePacer pacer(double ratePerSecond) {
        return new DeadlinePacer(ratePerSecond, () -> now, nanos -> {
            sleeps.add(nanos);
            now += nanos;
            return false;
        });
    }

    @Test
    void shouldReleaseEventIAtStartPlusIOverRate() throws InterruptedException {
        DeadlinePacer pacer = pacer(4.0);

        pacer.awaitTurn(0);
        assertThat(now).isEqualTo(START);
        pacer.awaitTurn(1);
        assertThat(now).isEqualTo(START + 250 * MS);
        pacer.awaitTurn(2);
        assertThat(now).isEqualTo(START + 500 * MS);
        assertThat(sleeps).containsExactly(250 * MS, 250 * MS);
    }

    @Test
    void shouldNotDriftWhenSendingTakesPartOfTheInterval() throws InterruptedException {
        DeadlinePacer pacer = pacer(10.0);

        for (int i = 0; i < 10; i++) {
            pacer.awaitTurn(i);
            now += 30 * MS; // each send costs 30 ms of the 100 ms interval
        }
        pacer.awaitTurn(10);

        // A sleep of one interval per event would end at 10 * 130 ms; the schedule ends at exactly 1 s.
        assertThat(now).isEqualTo(START + 1_000 * MS);
        assertThat(sleeps).hasSize(10).allMatch(nanos -> nanos == 70 * MS);
    }

    @Test
    void shouldCatchUpWithoutWaitingAfterAStall() throws InterruptedException {
        DeadlinePacer pacer = pacer(10.0);

        pacer.awaitTurn(0);
        now += 350 * MS; // the first send stalls for 3.5 intervals
        pacer.awaitTurn(1);
        pacer.awaitTurn(2);
        pacer.awaitTurn(3);
        assertThat(sleeps).isEmpty();
        pacer.awaitTurn(4);

        assertThat(sleeps).containsExactly(50 * MS);
        assertThat(now).isEqualTo(START + 400 * MS);
    }

    @Test
    void shouldKeepWaitingWhenASleepEndsEarly() throws InterruptedException {
        DeadlinePacer pacer = new DeadlinePacer(1.0, () -> now, nanos -> {
            sleeps.add(nanos);
            now += Math.max(1, nanos / 2); // wakes up half-way, like a spurious wake-up
            return false;
        });

        pacer.awaitTurn(1);

        assertThat(now).isEqualTo(START + 1_000 * MS);
        assertThat(sleeps.getFirst()).isEqualTo(1_000 * MS);
        assertThat(sleeps).hasSizeGreaterThan(1);
    }

    @Test
    void shouldReportEveryTurnAsDueWhileTheWaitIsNotCalledOff() throws InterruptedException {
        DeadlinePacer pacer = pacer(2.0);

        assertThat(pacer.awaitTurn(0)).isTrue();
        assertThat(pacer.awaitTurn(1)).isTrue();
        assertThat(now).isEqualTo(START + 500 * MS);
    }

    @Test
    void shouldGiveUpTheTurnAtOnceWhenTheWaitIsCalledOff() throws InterruptedException {
        // 0.1 events/s: the next turn is 10 s away; the sleeper wakes after 1 ms because the burst was cancelled.
        DeadlinePacer pacer = new DeadlinePacer(0.1, () -> now, nanos -> {
            sleeps.add(nanos);
            now += MS;
            return true;
        });

        assertThat(pacer.awaitTurn(1)).isFalse();

        assertThat(sleeps).containsExactly(10_000 * MS);
        assertThat(now).isEqualTo(START + MS);
    }

    @Test
    void shouldSpaceFractionalRatesInWholeNanoseconds() {
        DeadlinePacer pacer = pacer(3.0);

        assertThat(pacer.offsetNanos(1)).isEqualTo(333_333_333L);
        assertThat(pacer.offsetNanos(3)).isEqualTo(1_000_000_000L);
        assertThat(pacer(0.5).offsetNanos(2)).isEqualTo(4_000_000_000L);
    }

    @Test
    void shouldCapTheOffsetOfAbsurdlySlowRatesInsteadOfOverflowing() {
        DeadlinePacer pacer = pacer(1e-12);

        assertThat(pacer.offsetNanos(10_000_000L)).isEqualTo(Long.MAX_VALUE / 4);
    }

    @Test
    void shouldRejectRatesThatAreNotPositiveAndFinite() {
        assertThatIllegalArgumentException().isThrownBy(() -> pacer(0));
        assertThatIllegalArgumentException().isThrownBy(() -> pacer(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> pacer(Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> pacer(Double.POSITIVE_INFINITY));
    }
}
