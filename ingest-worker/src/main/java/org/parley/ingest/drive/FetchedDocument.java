package org.parley.ingest.drive;

import org.parley.domain.imports.DocumentFormat;

/**
 * A Drive file fetched to a local file.
 *
 * @param name the file's name in Drive
 * @param format the format of the fetched bytes: a Google Doc's export, or the file as
 * stored
 */
public record FetchedDocument(String name, DocumentFormat format) {

}
