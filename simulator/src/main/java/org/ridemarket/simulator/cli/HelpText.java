package org.ridemarket.simulator.cli;

/** The text of {@code --help}. */
public final class HelpText {

  /** Usage and options. */
  public static final String TEXT = """
      ridemarket simulator: a seeded Midtown Manhattan that emits ride requests, driver pings,
      trip events, payments and fraud labels (Avro, the contracts' serdes) to Kafka and/or a file.

      usage: java -jar simulator/target/simulator.jar [options]

        --seed N              seed of every random stream (default 42); same seed+config+files = same bytes
        --speed X|max         simulated seconds per wall second (default 10); max = as fast as possible
        --duration D|unlimited simulated time to run, e.g. 30m, 2h, 1d (default unlimited: until SIGTERM)
        --start T|now         simulated start, local (2026-11-02T07:00) or instant (...Z) (default 2026-11-02T16:00);
                              with --speed 1 and a start within a minute of now, event time is the wall clock
        --zone Z              local time zone of the city (default America/New_York)
        --drivers N           drivers in the fleet, not all on shift at once (default 400)
        --riders N            riders who may request (default 20000)
        --demand-scale X      multiplier on request rates (default 1.0)
        --spike S             cell=<h3|lat,lon>,start=<offset>,duration=<d>,factor=<x>; repeatable
        --match-radius M      farthest driving distance from driver to pickup, metres (default 3000)
        --drift P             chance a repositioning idle driver heads for demand (default 0.6)
        --fraud-share X       fraudulent payments / all payments (default 0.02)
        --label-delay D[-D]   chargeback delay after a fraudulent payment (default 2d-10d)
        --ground-truth FILE   CSV with the truth of every payment, written as payments happen
        --uber-csv FILE       Uber 2014 pickups to calibrate demand (default: ../shared/data/uber-2014/
                              uber-raw-data-apr14.csv or ../../shared/... if present, else built-in hotspots)
        --no-uber             use the built-in hotspots even when the Uber file is present
        --kafka SERVERS       Kafka bootstrap servers (default $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092)
        --compression C       Kafka producer compression: lz4 (default), zstd, snappy, gzip, none
        --pricing-url URL     quote each request at a live pricing-service (closed loop); riders
                              whose price limit is below the quoted surge walk away, and idle drivers
                              drift toward surging cells on its surge map (default: off, 1.0)
        --eta-url URL         ask a live eta-service for each trip's ETA at pick-up (with its trip id)
        --fraud-url URL       have a live fraud-service score each payment; neither changes the events
        --fraud-api-key KEY   the gateway's API key for --fraud-url (default $FRAUD_API_KEY)
        --surge-refresh D     simulated time between two fetches of the surge map (default 30s)
        --no-kafka            do not write to Kafka
        --out FILE            also write an event log for replay (FILE.gz: gzip-compressed)
        --progress D|0        wall time between progress lines (default 5s; 0: none)
        --report-from OFFSET  the summary also reports the rides requested from OFFSET after the start, e.g. 1h
        --report-to OFFSET    ... and until OFFSET after the start (either option sets the window; default: none)
        --help                this text
      """;

  private HelpText() {
  }
}
