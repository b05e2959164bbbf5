package org.parley.web.live;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The live streams' settings ({@code parley.live.*}).
 *
 * @param pollInterval how often the log's heads of the watched discussions are read, for
 * the changes other instances committed (one query for all of them)
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open
 * and a vanished viewer is noticed
 * @param timeout how long a stream lasts before the viewer is asked to reconnect, which
 * also spreads viewers over instances again
 * @param maxQueuedBytes what a stream may have waiting for a slow viewer before it is
 * closed; the viewer reconnects and is given what it missed from the log
 * @param replayLimit the most events given to a reconnecting viewer; one that missed more
 * is told to reload ({@code reset})
 * @param retention how long events stay in the log
 * @param threads the readers' threads, shared by every watched discussion
 * @param minInterval the least time between two runs of one discussion's reader: the
 * changes of a burst go out together, in one write per viewer
 * @param writers how many threads write one discussion's frames to its viewers at once,
 * its reader's own included: they take chunks of the viewers in turn, so the last viewer
 * of a large audience waits for its chunk, not for everyone; one on a two-core machine,
 * where a second writer only took CPU from the rest of the web (docs/benchmarks-live.md)
 */
@ConfigurationProperties("parley.live")
@Validated
record LiveSettings(@NotNull @DefaultValue("250ms") Duration pollInterval,
		@NotNull @DefaultValue("20s") Duration heartbeat, @NotNull @DefaultValue("30m") Duration timeout,
		@Min(1024) @DefaultValue("262144") int maxQueuedBytes, @Min(1) @DefaultValue("2000") int replayLimit,
		@NotNull @DefaultValue("24h") Duration retention, @Min(1) @DefaultValue("2") int threads,
		@NotNull @DefaultValue("100ms") Duration minInterval, @Min(1) @DefaultValue("1") int writers) {

}
