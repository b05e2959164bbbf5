package org.parley.web.system;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who runs this Parley, as every page's header and footer name it.
 *
 * @param organisation the name in the header, the footer and the browser tab
 * ({@code PARLEY_SITE_ORGANISATION})
 * @param logo a logo's URL, shown beside the name; none by default
 * @param privacyUrl the organisation's privacy notice; no link when unset
 * @param imprintUrl its imprint (legal notice); no link when unset
 * @param contactEmail where people write to; also where barrier reports are mailed
 * @param accessibilityCheckedOn when the accessibility statement was last checked
 */
@ConfigurationProperties("parley.site")
public record SiteSettings(@DefaultValue("Parley") String organisation, String logo, String privacyUrl,
		String imprintUrl, String contactEmail, @DefaultValue("2026-12-07") LocalDate accessibilityCheckedOn) {

}
