package org.parley.web.account;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.parley.domain.organiser.Organiser;
import org.parley.domain.organiser.OrganiserRepository;
import org.parley.web.TestOrganisers;
import org.parley.web.WebIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Issue 15's guessing of passwords: repeated wrong passwords lock an account, a locked or
 * throttled attempt answers 429 {@code TOO_MANY_ATTEMPTS} without a bcrypt check, other
 * accounts and clients are unaffected, and lockouts are counted.
 */
@WebIntegrationTest
class LoginThrottleIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OrganiserRepository organisers;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	MeterRegistry meters;

	@Test
	void repeatedWrongPasswordsLockTheAccountAndTheRightOneIsRefusedWhileLocked() {
		Organiser locked = TestOrganisers.add(this.organisers, this.passwords, "locked", "Locked");
		Organiser other = TestOrganisers.add(this.organisers, this.passwords, "other", "Other");
		RequestPostProcessor client = from(address());
		double lockouts = count("parley.login.lockouts");
		double failures = count("parley.login.failures");

		for (int i = 0; i < 5; i++) {
			assertThat(account(locked.email(), "wrong-" + i, client)).hasStatus(401);
		}
		double checks = count("parley.login.password-checks");
		MvcTestResult refused = account(locked.email(), TestOrganisers.PASSWORD, client);

		assertThat(refused).hasStatus(429);
		assertThat(refused).headers().containsHeader("Retry-After");
		assertThat(refused).bodyJson().extractingPath("$.code").isEqualTo("TOO_MANY_ATTEMPTS");
		assertThat(count("parley.login.password-checks")).as("bcrypt runs for the locked attempt").isEqualTo(checks);
		assertThat(account(other.email(), TestOrganisers.PASSWORD, client)).hasStatusOk();
		assertThat(account(other.email(), TestOrganisers.PASSWORD, from(address()))).hasStatusOk();
		assertThat(count("parley.login.lockouts")).isEqualTo(lockouts + 1);
		assertThat(count("parley.login.failures")).isEqualTo(failures + 5);
	}

	@Test
	void aClientThatTriesManyAccountsIsThrottledAndOthersAreNot() {
		// Made first: hashing its password takes long enough on a busy machine for the
		// sprayer's bucket to refill a token between the refusal and the check.
		Organiser organiser = TestOrganisers.add(this.organisers, this.passwords, "bystander", "Bystander");
		RequestPostProcessor sprayer = from(address());
		int refusedAt = -1;
		for (int i = 0; i < 40 && refusedAt < 0; i++) {
			MvcTestResult result = account("nobody-" + UUID.randomUUID() + "@parley.test", "guess-" + i, sprayer);
			if (result.getResponse().getStatus() == 429) {
				refusedAt = i;
			}
		}

		assertThat(refusedAt).as("the attempt the client was first refused at").isBetween(1, 39);
		assertThat(account(organiser.email(), TestOrganisers.PASSWORD, sprayer)).hasStatus(429);
		assertThat(account(organiser.email(), TestOrganisers.PASSWORD, from(address()))).hasStatusOk();
	}

	@Test
	void aFloodOfParallelWrongPasswordsIsRefusedBeforeTheirPasswordChecks() throws Exception {
		Organiser target = TestOrganisers.add(this.organisers, this.passwords, "target", "Target");
		RequestPostProcessor attacker = from(address());
		double checks = count("parley.login.password-checks");
		List<Future<Integer>> statuses = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(50);
		try {
			for (int i = 0; i < 500; i++) {
				String account = (i % 2 == 0) ? target.email() : "nobody-" + i + "@parley.test";
				statuses.add(pool.submit(() -> account(account, "wrong", attacker).getResponse().getStatus()));
			}
			assertThat(this.mvc.get().uri("/actuator/health")).hasStatusOk();
			int refused = 0;
			for (Future<Integer> status : statuses) {
				refused += (status.get() == 429) ? 1 : 0;
			}
			assertThat(refused).isGreaterThanOrEqualTo(500 - 30);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count("parley.login.password-checks") - checks).as("bcrypt runs").isLessThanOrEqualTo(30);
	}

	private MvcTestResult account(String email, String password, RequestPostProcessor client) {
		return this.mvc.get().uri("/account").with(httpBasic(email, password)).with(client).exchange();
	}

	private double count(String name) {
		return this.meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static String address() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

}
