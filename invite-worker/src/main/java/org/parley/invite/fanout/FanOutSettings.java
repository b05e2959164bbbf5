package org.parley.invite.fanout;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param chunkSize entries per transaction: rows and messages of one chunk commit
 * together
 * @param staleAfter a fan-out that has not moved for this long is taken over by any
 * worker
 */
@ConfigurationProperties("parley.invitation.fan-out")
@Validated
record FanOutSettings(@DefaultValue("500") @Min(1) int chunkSize, @DefaultValue("2m") Duration staleAfter) {

}
