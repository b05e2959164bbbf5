package org.parley.web.imports;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxFileSize larger uploads are refused with FILE_TOO_LARGE before anything is
 * stored
 */
@ConfigurationProperties("parley.upload")
@Validated
record UploadSettings(@DefaultValue("50MB") DataSize maxFileSize, @DefaultValue("500") @Min(1) int maxTitleLength) {

}
