package org.etlsuite.producer;

import java.lang.reflect.Method;

/**
 * Makes Kafka's lz4 compression use lz4-java's JNI codec instead of its pure-Java one. Inside a Spring Boot fat jar
 * lz4-java is loaded by Boot's class loader, and then {@code LZ4Factory.fastestInstance()} only picks the JNI codec
 * if its native library has already been loaded; otherwise it compresses in Java at about half the speed. Loading
 * it explicitly, before the first producer exists, fixes that.
 * <p>
 * Reflection, because lz4-java is a runtime dependency of kafka-clients, not part of this module's API. Never
 * fails: without the library (another platform, a restricted JVM) Kafka simply keeps the Java codec.
 */
final class NativeLz4 {

    private NativeLz4() {
    }

    /** Loads the native codec if it can; returns the codec Kafka will use, for the startup log. */
    static String load() {
        String loadFailure = null;
        try {
            Class.forName("net.jpountz.util.Native").getMethod("load").invoke(null);
        } catch (Throwable e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null
                    ? ite.getCause() : e;
            loadFailure = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        try {
            Method fastest = Class.forName("net.jpountz.lz4.LZ4Factory").getMethod("fastestInstance");
            String codec = String.valueOf(fastest.invoke(null)); // e.g. "LZ4Factory:JNI", "LZ4Factory:JavaSafe"
            return loadFailure == null ? codec : codec + " (native library not loaded: " + loadFailure + ")";
        } catch (Throwable e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
    }
}
