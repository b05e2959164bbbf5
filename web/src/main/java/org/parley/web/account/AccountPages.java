package org.parley.web.account;

import java.security.Principal;
import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

import org.parley.web.system.CurrentOrganiser;
import org.parley.web.system.ProblemException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organiser's account page (change the password, add an organiser) and the new
 * organiser's set-up page. A refused form comes back with the reason above it.
 */
@Controller
class AccountPages {

	private final OrganiserAccounts accounts;

	private final CurrentOrganiser organiser;

	private final MessageSource messages;

	AccountPages(OrganiserAccounts accounts, CurrentOrganiser organiser, MessageSource messages) {
		this.accounts = accounts;
		this.organiser = organiser;
		this.messages = messages;
	}

	@GetMapping("/account")
	String account(Principal principal) {
		this.organiser.require(principal);
		return "account";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmPassword, Principal principal, HttpServletRequest request, Model model,
			Locale locale) {
		try {
			if (!Objects.equals(newPassword, confirmPassword)) {
				throw passwordsDiffer();
			}
			this.accounts.changePassword(this.organiser.require(principal), request.getRemoteAddr(), currentPassword,
					newPassword);
		}
		catch (ProblemException ex) {
			model.addAttribute("passwordProblem", ex.problemFor(this.messages, locale));
			return "account";
		}
		model.addAttribute("passwordChanged", true);
		return "account";
	}

	@PostMapping("/account/organisers")
	String addOrganiser(@RequestParam String email, @RequestParam(required = false) String displayName,
			Principal principal, Model model, Locale locale) {
		try {
			OrganiserAccounts.NewOrganiser added = this.accounts.add(this.organiser.require(principal), email,
					displayName);
			model.addAttribute("added", added);
			model.addAttribute("setupLink", AccountController.setupLink(added.setupToken()));
		}
		catch (ProblemException ex) {
			model.addAttribute("organiserProblem", ex.problemFor(this.messages, locale));
		}
		return "account";
	}

	@GetMapping("/organiser-setup/{token}")
	String setup(@PathVariable String token, Model model) {
		this.accounts.openSetup(token);
		model.addAttribute("token", token);
		return "organiser-setup";
	}

	@PostMapping("/organiser-setup/{token}")
	String completeSetup(@PathVariable String token, @RequestParam String password,
			@RequestParam String confirmPassword, Model model, Locale locale) {
		try {
			if (!Objects.equals(password, confirmPassword)) {
				throw passwordsDiffer();
			}
			this.accounts.completeSetup(token, password);
		}
		catch (ProblemException ex) {
			if (ex.problem().getStatus() != HttpStatus.BAD_REQUEST.value()) {
				throw ex;
			}
			model.addAttribute("token", token);
			model.addAttribute("problem", ex.problemFor(this.messages, locale));
			return "organiser-setup";
		}
		return "redirect:/login?setup";
	}

	private static ProblemException passwordsDiffer() {
		return new ProblemException(HttpStatus.BAD_REQUEST, "PASSWORDS_DIFFER", "Passwords differ",
				"The two new passwords are not the same.");
	}

}
