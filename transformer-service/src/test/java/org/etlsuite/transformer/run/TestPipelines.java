package org.etlsuite.transformer.run;

/** The three pipelines by name, for tests that need one in particular. */
public final class TestPipelines {

    public static final Pipeline URBAN_SENSORS = Pipeline.of("urban-sensors");
    public static final Pipeline PRODUCT_EVENTS = Pipeline.of("product-events");
    public static final Pipeline TRANSPORTATION = Pipeline.of("transportation");

    private TestPipelines() {
    }
}
