package org.parley.web.system;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Hands every page who runs this Parley, for its header and footer. */
@ControllerAdvice
class SitePages {

	private final SiteSettings site;

	SitePages(SiteSettings site) {
		this.site = site;
	}

	@ModelAttribute("site")
	SiteSettings site() {
		return this.site;
	}

}
