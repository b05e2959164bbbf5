/**
 * The languages of the pages: which ones there are (one {@code messages_<tag>.properties}
 * each), which one a request gets, ICU plural and number formats for the texts, and dates
 * in the reader's language.
 */
package org.parley.web.language;
