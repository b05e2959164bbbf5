package org.parley.domain.imports;

/** Where an import stands. Names are fixed by the HTTP API. */
public enum ImportState {

	QUEUED, RUNNING, SUCCEEDED, FAILED;

	public boolean isFinal() {
		return this == SUCCEEDED || this == FAILED;
	}

}
