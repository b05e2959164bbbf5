package org.parley.domain.report;

/**
 * What the report job is doing: reading the consultation, writing the file, storing it.
 */
public enum ReportStage {

	GATHERING, WRITING, STORING

}
