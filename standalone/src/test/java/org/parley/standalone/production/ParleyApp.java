package org.parley.standalone.production;

import java.nio.file.Path;

/** One of the three deployable apps, as {@code compose.yaml} names its service. */
enum ParleyApp {

	WEB("web"), INGEST_WORKER("ingest-worker"), INVITE_WORKER("invite-worker");

	private final String module;

	ParleyApp(String module) {
		this.module = module;
	}

	String module() {
		return this.module;
	}

	/**
	 * The executable jar that the module's build copies to {@code target/<module>.jar}.
	 */
	Path jar(Path repository) {
		return repository.resolve(this.module).resolve("target").resolve(this.module + ".jar");
	}

	/**
	 * The per-app settings that compose gives this service after
	 * {@code config/parley.env}, as the repository ships them: the example an operator
	 * copies, whose placeholder secrets the shape replaces with generated ones.
	 */
	Path envFile(Path repository) {
		return repository.resolve("config").resolve(this.module + ".env.example");
	}

}
