package org.etlsuite.dashboard.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.dashboard.chart.ChartSvg;
import org.etlsuite.dashboard.security.DashboardSecurityConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Set-up shared by the MVC tests of the dashboard pages, which read real files in a temporary data
 * directory. Every test starts without data: the page's files are removed after each test.
 */
@EnableConfigurationProperties(EtlProperties.class)
@Import(DashboardSecurityConfiguration.class)
public abstract class DashboardMvcTestSupport {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    protected static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("etl.data-dir", () -> dataDir.toString());
    }

    @Autowired
    protected MockMvcTester mvc;

    /** The files the page reads, relative to the data directory. */
    protected abstract List<String> dataFiles();

    @AfterEach
    void removeFiles() throws IOException {
        for (String file : dataFiles()) {
            Files.deleteIfExists(dataDir.resolve(file));
        }
    }

    /** A chart answer: a PNG of the given size that the browser must revalidate. */
    protected static void assertPng(MvcTestResult result, int width, int height) throws IOException {
        assertThat(result).hasStatusOk()
                .hasContentType(MediaType.IMAGE_PNG)
                .hasHeader("Cache-Control", "no-cache");
        byte[] body = result.getResponse().getContentAsByteArray();
        assertThat(body).startsWith(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(body));
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
    }

    /**
     * A chart answer: a well-formed SVG document of the given size (its view box, to which it scales) that the
     * browser must revalidate.
     */
    protected static ChartSvg assertSvg(MvcTestResult result, int width, int height) throws Exception {
        assertThat(result).hasStatusOk()
                .hasContentType("image/svg+xml;charset=UTF-8")
                .hasHeader("Cache-Control", "no-cache");
        ChartSvg svg = ChartSvg.parse(result.getResponse().getContentAsByteArray());
        assertThat(svg.root().getLocalName()).isEqualTo("svg");
        assertThat(svg.root().getAttribute("viewBox")).isEqualTo("0 0 " + width + " " + height);
        return svg;
    }

    /** The page's HTML without the white space between tags, so that a test can name a whole table row. */
    protected String compactHtml(String path) throws Exception {
        MvcTestResult result = mvc.get().uri(path).exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8).replaceAll(">\\s+<", "><");
    }
}
