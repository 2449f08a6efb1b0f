import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.tools.ProducerPerformance;

/**
 * Runs Kafka's {@link ProducerPerformance} twice in one JVM: first {@code <warmup>} records to the topic
 * {@code <topic>-warmup} so that the JIT has compiled the producer's hot path, then the given arguments
 * unchanged. The producer-service JVM is warmed up by a small burst before it is measured; this gives
 * ProducerPerformance the same chance (kafka-tools 4.1 has no --warmup-records option), and keeps the measured
 * topic holding exactly the measured records.
 * <p>
 * After the line {@code === measured run ===} comes ProducerPerformance's own output, whose last line is its
 * summary, then {@code cpu_ms=<CPU time of this JVM during the measured run>} and, when the system property
 * {@code bench.broker.pid} names the broker's process, {@code broker_cpu_ms=<its CPU time in the same span>}
 * (Linux /proc).
 * <p>
 * {@code java -cp <kafka-tools class path> bench/WarmProducerPerformance.java <warmup> <ProducerPerformance args...>}
 * (bench/producer-throughput.sh compiles it once instead).
 */
public class WarmProducerPerformance {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: WarmProducerPerformance <warmup-records> <ProducerPerformance arguments...>");
            System.exit(2);
        }
        long warmup = Long.parseLong(args[0]);
        String[] measured = Arrays.copyOfRange(args, 1, args.length);
        if (warmup > 0) {
            List<String> warm = new ArrayList<>(Arrays.asList(measured));
            replaceValue(warm, "--num-records", Long.toString(warmup));
            replaceValue(warm, "--topic", valueOf(warm, "--topic") + "-warmup");
            System.out.println("=== warm-up run ===");
            ProducerPerformance.main(warm.toArray(String[]::new));
        }
        System.out.println("=== measured run ===");
        String brokerPid = System.getProperty("bench.broker.pid");
        long brokerBefore = brokerPid == null ? 0 : cpuMillisOf(brokerPid);
        long cpuBefore = processCpuNanos();
        ProducerPerformance.main(measured);
        System.out.println("cpu_ms=" + (processCpuNanos() - cpuBefore) / 1_000_000);
        if (brokerPid != null) {
            System.out.println("broker_cpu_ms=" + (cpuMillisOf(brokerPid) - brokerBefore));
        }
    }

    /** utime + stime of a process from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 1/100 s on Linux). */
    private static long cpuMillisOf(String pid) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state), so field 14 is fields[11]
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static String valueOf(List<String> args, String option) {
        int at = args.indexOf(option);
        if (at < 0 || at + 1 >= args.size()) {
            System.err.println("WarmProducerPerformance: " + option + " is required");
            System.exit(2);
        }
        return args.get(at + 1);
    }

    private static void replaceValue(List<String> args, String option, String value) {
        valueOf(args, option);
        args.set(args.indexOf(option) + 1, value);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
