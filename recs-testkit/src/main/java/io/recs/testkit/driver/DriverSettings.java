package io.recs.testkit.driver;

import io.recs.event.Interaction;
import io.recs.parse.InteractionParser;
import java.time.Duration;
import java.util.function.Function;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The checked settings of a {@link RecsTestDriver}. */
record DriverSettings(
    Function<DataStream<Interaction>, JobOutputs> job,
    InteractionParser parser,
    int parallelism,
    Duration maxOutOfOrderness,
    Duration timeout,
    Configuration configuration) {}
