package org.parley.domain.imports;

/** The step of the import job that is running. Names are fixed by the HTTP API. */
public enum ImportStage {

	FETCHING, EXTRACTING, STRUCTURING, SAVING

}
