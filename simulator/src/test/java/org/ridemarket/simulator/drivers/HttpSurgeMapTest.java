package org.ridemarket.simulator.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.simulator.SimulatorConfig;
import org.ridemarket.simulator.TestRuns;
import org.ridemarket.simulator.city.CityBox;
import org.ridemarket.simulator.city.CityCells;
import org.ridemarket.simulator.clock.SimClock;

class HttpSurgeMapTest {

  private static final CityCells CELLS = TestRuns.builtInCity().cells();
  private static final Duration REFRESH = Duration.ofSeconds(30);
  // A resolution-8 cell in San Francisco: the service may answer for cells the city does not have.
  private static final String ELSEWHERE = "8828308281fffff";

  private final List<String> queries = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final SimClock clock = new SimClock(TestRuns.MONDAY_MORNING, SimulatorConfig.NEW_YORK);
  private volatile int status = 200;
  private volatile String answer = "{}";
  private volatile boolean stall;
  private HttpServer server;

  @AfterEach
  void stopServer() {
    release.countDown();
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void shouldShowTheServicesMultiplierForEachCityCell() throws IOException {
    // given a pricing-service whose map surges one city cell, keeps another calm, and names a foreign cell
    answer = surgeMap(CELLS.address(3), 1.8, CELLS.address(4), 1.0, ELSEWHERE, 2.4);
    HttpSurgeMap map = new HttpSurgeMap(pricingService(), CELLS, REFRESH, Duration.ofSeconds(2));

    // when
    map.refresh(clock);

    // then the map was asked for the city, and shows the surge where the service put it
    assertThat(queries).singleElement().isEqualTo(HttpSurgeMap.query(CELLS).substring("/surge?".length()));
    assertThat(map.multiplier(3)).isEqualTo(1.8);
    assertThat(map.multiplier(4)).isEqualTo(1.0);
    assertThat(map.multiplier(5)).isEqualTo(1.0);
    assertThat(map.maps()).isEqualTo(1);
    assertThat(map.failed()).isZero();
  }

  @Test
  void shouldAskForABoxHoldingTheCityAndTheCentreOfEachOfItsCells() {
    // given the box asked for
    Map<String, Double> bounds = new HashMap<>();
    for (String parameter : HttpSurgeMap.query(CELLS).substring("/surge?".length()).split("&")) {
      bounds.put(parameter.substring(0, parameter.indexOf('=')),
          Double.parseDouble(parameter.substring(parameter.indexOf('=') + 1)));
    }
    CityBox asked = new CityBox(bounds.get("minLat"), bounds.get("maxLat"), bounds.get("minLon"), bounds.get("maxLon"));

    // then it covers the city, and the service, which answers for cells whose centre is in the box, answers for all
    assertThat(asked.minLat()).isLessThanOrEqualTo(CELLS.box().minLat());
    assertThat(asked.maxLat()).isGreaterThanOrEqualTo(CELLS.box().maxLat());
    assertThat(asked.minLon()).isLessThanOrEqualTo(CELLS.box().minLon());
    assertThat(asked.maxLon()).isGreaterThanOrEqualTo(CELLS.box().maxLon());
    for (int cell = 0; cell < CELLS.count(); cell++) {
      LatLng centre = Cells.h3().cellToLatLng(CELLS.address(cell));
      assertThat(asked.contains(centre.lat, centre.lng)).as("centre of %s", CELLS.address(cell)).isTrue();
    }
  }

  @Test
  void shouldAskAtMostOncePerRefreshPeriodOfSimulatedTime() throws IOException {
    answer = surgeMap(CELLS.address(3), 1.5);
    HttpSurgeMap map = new HttpSurgeMap(pricingService(), CELLS, REFRESH, Duration.ofSeconds(2));

    for (int second = 0; second <= 60; second++) {
      map.refresh(clock);
      clock.advance();
    }

    // at 0 s, 30 s and 60 s
    assertThat(queries).hasSize(3);
    assertThat(map.maps()).isEqualTo(3);
  }

  @Test
  void shouldKeepTheLastMapWhenTheServiceFails() throws IOException {
    // given a map received once
    answer = surgeMap(CELLS.address(3), 1.8);
    HttpSurgeMap map = new HttpSurgeMap(pricingService(), CELLS, REFRESH, Duration.ofMillis(300));
    map.refresh(clock);

    // when the service then errs, answers nonsense and stalls past the timeout
    status = 503;
    refreshAfterAPeriod(map);
    status = 200;
    answer = "not json";
    refreshAfterAPeriod(map);
    stall = true;
    refreshAfterAPeriod(map);

    // then drivers keep seeing the last map, and every failure is counted
    assertThat(map.multiplier(3)).isEqualTo(1.8);
    assertThat(map.maps()).isEqualTo(1);
    assertThat(map.failed()).isEqualTo(3);
    assertThat(map.summary()).contains("1 maps", "3 failed calls");
  }

  @Test
  void shouldShowNoSurgeWhenTheServiceIsNeverReached() {
    HttpSurgeMap map = new HttpSurgeMap(URI.create("http://127.0.0.1:1"), CELLS, REFRESH, Duration.ofMillis(300));

    map.refresh(clock);

    assertThat(map.failed()).isEqualTo(1);
    for (int cell = 0; cell < CELLS.count(); cell++) {
      assertThat(map.multiplier(cell)).isEqualTo(1.0);
    }
  }

  private void refreshAfterAPeriod(HttpSurgeMap map) {
    for (int second = 0; second < REFRESH.toSeconds(); second++) {
      clock.advance();
    }
    map.refresh(clock);
  }

  private static String surgeMap(Object... cellsAndMultipliers) {
    StringBuilder cells = new StringBuilder();
    for (int i = 0; i < cellsAndMultipliers.length; i += 2) {
      cells.append(cells.isEmpty() ? "" : ",").append("{\"cell\":\"").append(cellsAndMultipliers[i])
          .append("\",\"surgeMultiplier\":").append(cellsAndMultipliers[i + 1]).append(",\"surgeSource\":\"MODEL\"}");
    }
    return "{\"cells\":[" + cells + "],\"degraded\":false,\"modelVersion\":\"surge-v1\","
        + "\"asOf\":\"2026-11-02T12:00:00Z\"}";
  }

  private URI pricingService() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/surge", exchange -> {
      queries.add(exchange.getRequestURI().getQuery());
      if (stall) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("content-type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }
}
