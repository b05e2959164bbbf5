package org.parley.domain.imports;

/** Where the imported document comes from. */
public enum SourceKind {

	UPLOAD, DRIVE

}
