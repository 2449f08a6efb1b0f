package org.etlsuite.localstack;

import java.util.concurrent.CountDownLatch;

import org.slf4j.LoggerFactory;

/**
 * {@code java -jar local-stack-<version>-exec.jar}: starts the whole stack on this machine and keeps it
 * running until Ctrl-C, which stops every part in order.
 *
 * <p>No logger is touched before {@link #main(String[])} has pointed the log file at the data folder.
 */
public final class LocalStackApplication {

    /** Read by logback.xml: the file that receives the full infrastructure log. */
    static final String LOG_FILE_PROPERTY = "etl.stack.log-file";

    private LocalStackApplication() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStackOptions options;
        try {
            options = LocalStackOptions.parse(args, System.getProperties());
        } catch (LocalStackException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LocalStackOptions.usage());
            return;
        }
        System.setProperty(LOG_FILE_PROPERTY, options.directories().logFile("local-stack").toString());

        LocalStack stack = new LocalStack(options, System.getenv());
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stack.start();
        } catch (LocalStackException e) {
            System.err.println();
            System.err.println("Local stack failed to start: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            // not one of ours: keep the stack trace, in the log file rather than all over the terminal
            LoggerFactory.getLogger(LocalStackApplication.class).error("Local stack failed to start", e);
            System.err.println();
            System.err.println("Local stack failed to start: " + e + "; details in "
                    + options.directories().logFile("local-stack"));
            System.exit(1);
        }
        System.out.print(StackBanner.render(options, stack.credentials()));
        // Everything runs on other threads and processes; main only waits for Ctrl-C (the hook).
        stopped.await();
    }
}
