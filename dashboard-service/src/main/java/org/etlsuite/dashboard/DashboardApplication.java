package org.etlsuite.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Thymeleaf dashboard that reads the KPI CSV files written by the transformer and draws
 * its charts on the server with JFreeChart.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DashboardApplication {

    public static void main(String[] args) {
        // Charts are rendered off-screen into PNGs; without this AWT may try to open a display
        // (and fail) on servers and containers.
        System.setProperty("java.awt.headless", "true");
        SpringApplication.run(DashboardApplication.class, args);
    }
}
