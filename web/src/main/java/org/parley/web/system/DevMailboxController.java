package org.parley.web.system;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Standalone mode only: the mail the embedded SMTP catcher received, as JSON and as a
 * page.
 */
@Controller
class DevMailboxController {

	private final ObjectProvider<DevMailbox> mailbox;

	DevMailboxController(ObjectProvider<DevMailbox> mailbox) {
		this.mailbox = mailbox;
	}

	@GetMapping("/api/dev/mailbox")
	@ResponseBody
	List<DevMailbox.Mail> messages() {
		return mailbox().messages();
	}

	@GetMapping("/dev/mailbox")
	String page(Model model) {
		model.addAttribute("messages", mailbox().messages());
		return "dev-mailbox";
	}

	private DevMailbox mailbox() {
		DevMailbox found = this.mailbox.getIfAvailable();
		if (found == null) {
			throw ProblemException.notFound();
		}
		return found;
	}

}
