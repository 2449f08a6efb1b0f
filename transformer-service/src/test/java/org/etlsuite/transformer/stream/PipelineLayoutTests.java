package org.etlsuite.transformer.stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineLayoutTests {

    @Test
    void shouldNameARunsFilesAfterItsStamp() {
        PipelineLayout layout = new PipelineLayout("weather", "WEATHER_DAG", "raw_weather/weather_%s.csv",
                "processed_weather/weather.csv", "processed_weather/copy.csv");
        assertThat(layout.rawFile("20260301_0715")).isEqualTo("raw_weather/weather_20260301_0715.csv");
        assertThat(layout.processedRunFile("20260301_0715")).isEqualTo("processed_weather/weather_20260301_0715.csv");
        assertThat(layout.folders()).containsExactly("processed_weather", "raw_weather");
    }

    @Test
    void shouldRefuseARawFileWithoutTheRunsStamp() {
        assertThatThrownBy(() -> new PipelineLayout("weather", "WEATHER_DAG", "raw_weather/weather.csv", "processed_weather/weather.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the raw file of pipeline weather must hold the run's stamp (%s), was raw_weather/weather.csv");
    }

    @Test
    void shouldRefuseFilesOutsideAFolderOrNotCsv() {
        assertThatThrownBy(() -> new PipelineLayout("weather", "WEATHER_DAG", "weather_%s.csv", "processed_weather/weather.csv"))
                .hasMessage("the raw file of pipeline weather must be in a folder, was weather_%s.csv");
        assertThatThrownBy(() -> new PipelineLayout("weather", "WEATHER_DAG", "raw_weather/weather_%s.csv", "processed_weather/weather.json"))
                .hasMessage("a processed file of pipeline weather must be a .csv in a folder, was processed_weather/weather.json");
        assertThatThrownBy(() -> new PipelineLayout("weather", "WEATHER_DAG", "raw_weather/weather_%s.csv"))
                .hasMessage("pipeline weather writes no processed file");
    }
}
